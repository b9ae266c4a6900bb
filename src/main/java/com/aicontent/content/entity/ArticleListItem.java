package com.aicontent.content.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the list of recent generations. */
public record ArticleListItem(
        @Schema(name = "ai_content_id") @JsonbProperty("ai_content_id") long aiContentId,
        @Schema(name = "session_hash") @JsonbProperty("session_hash") String sessionHash,
        String title,
        String language,
        String status,
        String model,
        @Schema(name = "created_at") @JsonbProperty("created_at") String createdAt,
        @Schema(name = "completed_at") @JsonbProperty("completed_at") String completedAt,
        @Schema(name = "started_by") @JsonbProperty("started_by") String startedBy,
        @Schema(name = "cancelled_by") @JsonbProperty("cancelled_by") String cancelledBy,
        @Schema(name = "restarted_by") @JsonbProperty("restarted_by") String restartedBy) {
}
