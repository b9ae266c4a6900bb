package com.aicontent.content.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/** One line of the list of recent generations. */
public record ArticleListItem(
        @JsonbProperty("ai_content_id") long aiContentId,
        @JsonbProperty("session_hash") String sessionHash,
        String title,
        String language,
        String status,
        String model,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("completed_at") String completedAt) {
}
