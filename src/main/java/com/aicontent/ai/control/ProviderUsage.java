package com.aicontent.ai.control;

import com.aicontent.ai.entity.TokenUsage;

/**
 * The {@code usage} object of an answer. Chat completions count {@code prompt_tokens} and
 * {@code completion_tokens}; image generations count {@code input_tokens} and {@code output_tokens}.
 * Servers that count nothing send nothing.
 */
public record ProviderUsage(Long promptTokens, Long completionTokens, Long inputTokens, Long outputTokens) {

    public static TokenUsage of(ProviderUsage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        return new TokenUsage(first(usage.promptTokens, usage.inputTokens), first(usage.completionTokens, usage.outputTokens));
    }

    private static long first(Long preferred, Long alternative) {
        if (preferred != null) {
            return preferred;
        }
        return alternative == null ? 0 : alternative;
    }
}
