package com.aicontent.generation.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a start: where to watch the new generation. */
public record StartedGeneration(
        @Schema(name = "session_hash") @JsonbProperty("session_hash") String sessionHash,
        @Schema(name = "ai_content_id") @JsonbProperty("ai_content_id") long aiContentId,
        @Schema(name = "status_url") @JsonbProperty("status_url") String statusUrl) {
}
