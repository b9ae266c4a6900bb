package com.aicontent.ai.entity;

/** Tokens a model call consumed, as the provider reported them. */
public record TokenUsage(long promptTokens, long completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);
}
