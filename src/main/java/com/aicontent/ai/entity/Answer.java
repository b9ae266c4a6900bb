package com.aicontent.ai.entity;

/** A model's answer together with what it cost. */
public record Answer<T>(T value, TokenUsage usage) {

    public static <T> Answer<T> free(T value) {
        return new Answer<>(value, TokenUsage.NONE);
    }
}
