package com.aicontent.ai.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps API keys out of what the client says. Error bodies are quoted back to the admin, and some
 * servers echo the key they were sent ("Incorrect API key provided: sk-..."), so every message and
 * log line passes through here first.
 */
final class KeyRedaction {

    /** What OpenAI-style keys look like, whether ours or not: {@code sk-}, {@code sk-proj-}, ... */
    private static final Pattern KEY_LIKE = Pattern.compile("\\bsk-[A-Za-z0-9_*-]{6,}");
    private static final String HIDDEN = "[redacted]";

    private final Optional<String> key;

    KeyRedaction(Optional<String> key) {
        this.key = key;
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        if (key.isPresent()) {
            redacted = redacted.replace(key.get(), HIDDEN);
        }
        return KEY_LIKE.matcher(redacted).replaceAll(HIDDEN);
    }

    /** The first {@code max} characters of a model's or server's answer, on one line, safe to show. */
    String excerpt(String text, int max) {
        if (text == null || text.isBlank()) {
            return "(nothing)";
        }
        String oneLine = apply(text).strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
