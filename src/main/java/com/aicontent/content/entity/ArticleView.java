package com.aicontent.content.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An article as the API shows it, partial while its generation runs. */
public record ArticleView(
        @Schema(name = "ai_content_id") @JsonbProperty("ai_content_id") long aiContentId,
        @Schema(name = "session_hash") @JsonbProperty("session_hash") String sessionHash,
        String title,
        String language,
        String status,
        String model,
        String error,
        @Schema(description = "What the admin should know about how the model answered, e.g. \"asked for 8 headings, got 5\"")
        List<String> notes,
        List<String> headings,
        List<Section> sections,
        List<Image> images,
        String summary,
        Meta meta,
        List<Faq> faq,
        @Schema(name = "prompt_tokens") @JsonbProperty("prompt_tokens") long promptTokens,
        @Schema(name = "completion_tokens") @JsonbProperty("completion_tokens") long completionTokens,
        @Schema(name = "created_at") @JsonbProperty("created_at") String createdAt,
        @Schema(name = "completed_at") @JsonbProperty("completed_at") String completedAt,
        @Schema(name = "started_by") @JsonbProperty("started_by") String startedBy,
        @Schema(name = "cancelled_by") @JsonbProperty("cancelled_by") String cancelledBy,
        @Schema(name = "restarted_by") @JsonbProperty("restarted_by") String restartedBy) {

    /**
     * @param body the section as the model wrote it, in Markdown
     * @param html the body as safe HTML: allow-listed elements only, no script, no images from the model
     */
    public record Section(int index, String heading, String body, String html) {
    }

    public record Image(int index, String alt, @Schema(name = "content_type") @JsonbProperty("content_type") String contentType, String url) {
    }

    public record Meta(String title, String description, List<String> keywords) {
    }

    public record Faq(String question, String answer) {
    }
}
