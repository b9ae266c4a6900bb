package com.aicontent.progress.entity;

import com.aicontent.language.Language;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON document kept under {@code ai_content_progress:{sessionHash}}. The field names and
 * types are the contract's; {@code version} onwards are additions the contract allows.
 */
@JsonbPropertyOrder({"ai_content_id", "session_hash", "status", "step", "progress", "current_message",
        "headings", "sections", "completed_sections", "total_sections", "completed_images", "total_images",
        "is_completed", "is_failed", "updated_at"})
public record ProgressDocument(
        @Schema(name = "ai_content_id") @JsonbProperty("ai_content_id") long aiContentId,
        @Schema(name = "session_hash") @JsonbProperty("session_hash") String sessionHash,
        @JsonbProperty("status") ProgressStatus status,
        @JsonbProperty("step") Step step,
        @JsonbProperty("progress") int progress,
        @Schema(name = "current_message") @JsonbProperty("current_message") String currentMessage,
        @JsonbProperty("headings") List<String> headings,
        @JsonbProperty("sections") List<PartProgress> sections,
        @Schema(name = "completed_sections") @JsonbProperty("completed_sections") int completedSections,
        @Schema(name = "total_sections") @JsonbProperty("total_sections") int totalSections,
        @Schema(name = "completed_images") @JsonbProperty("completed_images") int completedImages,
        @Schema(name = "total_images") @JsonbProperty("total_images") int totalImages,
        @Schema(name = "is_completed") @JsonbProperty("is_completed") boolean isCompleted,
        @Schema(name = "is_failed") @JsonbProperty("is_failed") boolean isFailed,
        @Schema(name = "updated_at") @JsonbProperty("updated_at") String updatedAt,
        @JsonbProperty("version") long version,
        @JsonbProperty("title") String title,
        @JsonbProperty("language") Language language,
        @JsonbProperty("attempt") int attempt,
        @Schema(name = "created_at") @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("error") String error,
        @JsonbProperty("images") List<PartProgress> images,
        @Schema(name = "prompt_tokens") @JsonbProperty("prompt_tokens") long promptTokens,
        @Schema(name = "completion_tokens") @JsonbProperty("completion_tokens") long completionTokens,
        @Schema(name = "model_calls") @JsonbProperty("model_calls") long modelCalls,
        @Schema(name = "started_by", description = "who started it: the token's preferred_username, else sub")
        @JsonbProperty("started_by") String startedBy,
        @Schema(name = "cancelled_by") @JsonbProperty("cancelled_by") String cancelledBy,
        @Schema(name = "restarted_by", description = "who restarted it last") @JsonbProperty("restarted_by") String restartedBy,
        @Schema(description = "What the admin should know about the model's answers, e.g. \"asked for 8 headings, got 5\"; absent until there is one")
        @JsonbProperty("notes") List<String> notes) {

    /** The document of a generation that was just accepted and has not started yet. */
    public static ProgressDocument pending(long aiContentId, SessionHash hash, String title, Language language,
                                           String message, int totalSections, int totalImages, String now) {
        return pending(aiContentId, hash, title, language, message, totalSections, totalImages, now, null);
    }

    /** The same, recording who started it. */
    public static ProgressDocument pending(long aiContentId, SessionHash hash, String title, Language language,
                                           String message, int totalSections, int totalImages, String now,
                                           String startedBy) {
        return new ProgressDocument(aiContentId, hash.value(), ProgressStatus.pending, Step.initialization, 0, message,
                List.of(), List.of(), 0, totalSections, 0, totalImages, false, false, now, 0, title, language, 1, now,
                null, List.of(), 0, 0, 0, startedBy, null, null, null);
    }

    public SessionHash hash() {
        return new SessionHash(sessionHash);
    }
}
