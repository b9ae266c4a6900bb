package com.aicontent.ai.entity;

/** The language an article is written in; its messages and prompts follow it. */
public enum Language {
    fa, en;

    public boolean isRightToLeft() {
        return this == fa;
    }
}
