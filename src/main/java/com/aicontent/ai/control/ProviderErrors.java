package com.aicontent.ai.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.util.Map;

/**
 * What a model server said when it refused a call, in words an admin can act on. Servers put it
 * in different places (OpenAI's {@code error.message} with {@code code} and {@code param},
 * Ollama's {@code error}, FastAPI's {@code detail}, or plain text); whatever is quoted is redacted
 * and cut to a few hundred characters first.
 */
final class ProviderErrors {

    private static final int EXCERPT_LENGTH = 300;

    private final Jsonb jsonb;
    private final KeyRedaction redaction;
    private final String server;

    ProviderErrors(Jsonb jsonb, KeyRedaction redaction, String displayBaseUrl) {
        this.jsonb = jsonb;
        this.redaction = redaction;
        this.server = "The model server at " + displayBaseUrl;
    }

    String server() {
        return server;
    }

    /** The server's explanation, redacted and capped; empty for an empty body. */
    Detail detailOf(String body) {
        if (body == null || body.isBlank()) {
            return new Detail(null, null, null);
        }
        try {
            Object parsed = jsonb.fromJson(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                Object error = map.get("error");
                if (error instanceof Map<?, ?> nested && nested.get("message") != null) {
                    return new Detail(excerpt(nested.get("message")), text(nested.get("code")), text(nested.get("param")));
                }
                for (Object candidate : new Object[] {error, map.get("detail"), map.get("message")}) {
                    if (candidate != null) {
                        return new Detail(excerpt(candidate), null, null);
                    }
                }
            }
        } catch (JsonbException | ClassCastException notJson) {
            // quoted as text below
        }
        return new Detail(excerpt(body), null, null);
    }

    /** A 4xx that another attempt would not change, worded for the admin. */
    RejectedCallException rejected(int status, String body, String path, String call) {
        Detail detail = detailOf(body);
        String said = detail.message() == null ? "no explanation given" : detail.message();
        String message = switch (status) {
            case 401 -> "%s refused the API key (HTTP 401) for the %s: %s. Check AI_API_KEY."
                    .formatted(server, call, said);
            case 403 -> "%s denied access (HTTP 403) for the %s: %s. Check that the key may use this model."
                    .formatted(server, call, said);
            case 404 -> "%s has no %s or does not know the model (HTTP 404) for the %s: %s. Check AI_BASE_URL, AI_MODEL and AI_IMAGE_MODEL."
                    .formatted(server, path, call, said);
            case 400 -> "%s rejected the request (HTTP 400) for the %s: %s".formatted(server, call, said);
            default -> "%s answered HTTP %d for the %s: %s".formatted(server, status, call, said);
        };
        return new RejectedCallException(redaction.apply(message), status, detail);
    }

    private String excerpt(Object text) {
        return redaction.excerpt(String.valueOf(text), EXCERPT_LENGTH);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /**
     * @param message what the server said, redacted and capped; null when it said nothing
     * @param code    OpenAI's machine-readable {@code error.code}, e.g. {@code unsupported_parameter}
     * @param param   the request parameter the error is about, e.g. {@code max_tokens}
     */
    record Detail(String message, String code, String param) {
    }
}
