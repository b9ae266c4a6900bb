package com.aicontent.content.entity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a generation has produced so far; a run resumes from it.
 *
 * @param sections the finished section bodies by index
 * @param images   the indexes of the finished images
 */
public record ArticleDraft(long id, String sessionHash, ArticleOrder order, List<String> headings,
                           Map<Integer, String> sections, Set<Integer> images, String summary,
                           boolean hasMeta, boolean hasFaq) {

    public boolean hasHeadings() {
        return !headings.isEmpty();
    }

    public boolean hasSummary() {
        return summary != null;
    }
}
