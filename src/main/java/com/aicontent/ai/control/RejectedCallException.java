package com.aicontent.ai.control;

import com.aicontent.ai.entity.ModelCallFailedException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A call the server refused with a 4xx that retrying cannot fix. Carries the status and the
 * server's own explanation so the client can react to a specific refusal (a parameter the model
 * does not take, structured output the server does not support) before it reaches the admin as a
 * plain failure.
 */
final class RejectedCallException extends ModelCallFailedException {

    private final int status;
    private final transient ProviderErrors.Detail detail;

    RejectedCallException(String message, int status, ProviderErrors.Detail detail) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    int status() {
        return status;
    }

    /** The server's explanation, already redacted; null when it gave none. */
    String detail() {
        return detail.message();
    }

    /**
     * Whether this is a 400 about {@code parameter}: named in OpenAI's {@code param}, or (servers
     * that only write prose) in the message.
     */
    boolean rejects(String parameter) {
        if (status != 400) {
            return false;
        }
        if (detail.param() != null && !detail.param().isBlank()) {
            return parameter.equals(detail.param());
        }
        String message = detail.message() == null ? "" : detail.message().toLowerCase(Locale.ROOT);
        return Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(parameter) + "(?![a-z0-9_])").matcher(message).find();
    }

    /** OpenAI's word for a parameter this model does not take at all (not a value out of range). */
    boolean unsupported() {
        String code = detail.code() == null ? "" : detail.code();
        String message = detail.message() == null ? "" : detail.message().toLowerCase(Locale.ROOT);
        return code.startsWith("unsupported") || message.contains("unsupported") || message.contains("not supported");
    }

    /** A server saying the output budget does not fit the model's context ("maximum context length is ..."). */
    boolean saysContextIsTooSmall() {
        String message = detail.message() == null ? "" : detail.message().toLowerCase(Locale.ROOT);
        return status == 400 && message.contains("maximum context length") && message.contains("output tokens");
    }

    /** The server's machine-readable error code, when it sent one. */
    String code() {
        return detail.code();
    }
}
