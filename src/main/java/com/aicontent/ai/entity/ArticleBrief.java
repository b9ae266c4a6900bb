package com.aicontent.ai.entity;

import com.aicontent.language.Language;

/** What the admin asked for: everything a model needs to know about the article as a whole. */
public record ArticleBrief(String title, Language language, int sections, int images) {
}
