package com.aicontent.progress.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/**
 * The JSON document kept under {@code ai_content_progress:{sessionHash}}. The field names and
 * types are the contract's; {@code version} onwards are additions the contract allows.
 */
@JsonbPropertyOrder({"ai_content_id", "session_hash", "status", "step", "progress", "current_message",
        "headings", "sections", "completed_sections", "total_sections", "completed_images", "total_images",
        "is_completed", "is_failed", "updated_at"})
public record ProgressDocument(
        @JsonbProperty("ai_content_id") long aiContentId,
        @JsonbProperty("session_hash") String sessionHash,
        @JsonbProperty("status") String status,
        @JsonbProperty("step") String step,
        @JsonbProperty("progress") int progress,
        @JsonbProperty("current_message") String currentMessage,
        @JsonbProperty("headings") List<String> headings,
        @JsonbProperty("sections") List<PartProgress> sections,
        @JsonbProperty("completed_sections") int completedSections,
        @JsonbProperty("total_sections") int totalSections,
        @JsonbProperty("completed_images") int completedImages,
        @JsonbProperty("total_images") int totalImages,
        @JsonbProperty("is_completed") boolean isCompleted,
        @JsonbProperty("is_failed") boolean isFailed,
        @JsonbProperty("updated_at") String updatedAt,
        @JsonbProperty("version") long version,
        @JsonbProperty("title") String title,
        @JsonbProperty("language") String language,
        @JsonbProperty("attempt") int attempt,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("error") String error,
        @JsonbProperty("images") List<PartProgress> images,
        @JsonbProperty("prompt_tokens") long promptTokens,
        @JsonbProperty("completion_tokens") long completionTokens,
        @JsonbProperty("model_calls") long modelCalls) {

    /** The document of a generation that was just accepted and has not started yet. */
    public static ProgressDocument pending(long aiContentId, SessionHash hash, String title, String language,
                                           String message, int totalSections, int totalImages, String now) {
        return new ProgressDocument(aiContentId, hash.value(), ProgressStatus.pending.name(),
                Step.INITIALIZATION.wireName(), 0, message, List.of(), List.of(), 0, totalSections, 0, totalImages,
                false, false, now, 0, title, language, 1, now, null, List.of(), 0, 0, 0);
    }

    public ProgressStatus statusValue() {
        return ProgressStatus.valueOf(status);
    }
}
