package com.aicontent.ai.entity;

import java.util.List;

/** SEO meta data of an article. */
public record ArticleMeta(String title, String description, List<String> keywords) {

    public static final int MAX_TITLE = 60;
    public static final int MAX_DESCRIPTION = 160;

    /** Search engines cut longer titles and descriptions; cut them ourselves, at a word boundary. */
    public ArticleMeta withinLimits() {
        return new ArticleMeta(shorten(title, MAX_TITLE), shorten(description, MAX_DESCRIPTION), List.copyOf(keywords));
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        if (trimmed.length() <= max) {
            return trimmed;
        }
        int cut = trimmed.lastIndexOf(' ', max - 1);
        String head = cut > max / 2 ? trimmed.substring(0, cut) : trimmed.substring(0, max - 1);
        return head.strip() + "…";
    }
}
