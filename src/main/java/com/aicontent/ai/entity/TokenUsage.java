package com.aicontent.ai.entity;

/** Tokens a model call consumed, as the provider reported them. */
public record TokenUsage(long promptTokens, long completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    /** Both calls' tokens: a continuation or a re-ask costs as much as the first call. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }
}
