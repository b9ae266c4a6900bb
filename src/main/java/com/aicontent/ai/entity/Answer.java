package com.aicontent.ai.entity;

import java.util.List;

/**
 * A model's answer together with what it cost, and what the admin should know about it ("asked
 * for 8 headings, got 5"): things the client made do with rather than fail.
 */
public record Answer<T>(T value, TokenUsage usage, List<String> notes) {

    public Answer {
        notes = List.copyOf(notes);
    }

    public Answer(T value, TokenUsage usage) {
        this(value, usage, List.of());
    }

    public static <T> Answer<T> free(T value) {
        return new Answer<>(value, TokenUsage.NONE);
    }
}
