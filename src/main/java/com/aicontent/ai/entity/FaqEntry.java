package com.aicontent.ai.entity;

/** One question of an article's FAQ with its answer. */
public record FaqEntry(String question, String answer) {
}
