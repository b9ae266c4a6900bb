package com.aicontent.content.entity;

import com.aicontent.language.Language;

/** What was asked for when the article was started: its title, language and how many sections and images. */
public record ArticleOrder(String title, Language language, int sections, int images) {
}
