package com.aicontent.generation.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/** The answer to a start: where to watch the new generation. */
public record StartedGeneration(
        @JsonbProperty("session_hash") String sessionHash,
        @JsonbProperty("ai_content_id") long aiContentId,
        @JsonbProperty("status_url") String statusUrl) {
}
