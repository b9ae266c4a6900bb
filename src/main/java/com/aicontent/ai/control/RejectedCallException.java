package com.aicontent.ai.control;

import com.aicontent.ai.entity.ModelCallFailedException;

/**
 * A call the server refused with a 4xx that retrying cannot fix. Carries the status and the
 * server's own explanation so the client can react to a specific refusal (a server that does not
 * support structured output) before it reaches the admin as a plain failure.
 */
final class RejectedCallException extends ModelCallFailedException {

    private final int status;
    private final String detail;

    RejectedCallException(String message, int status, String detail) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    int status() {
        return status;
    }

    /** The server's explanation, already redacted. */
    String detail() {
        return detail;
    }
}
