package com.aicontent.content.entity;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** An article as the API shows it, partial while its generation runs. */
public record ArticleView(
        @JsonbProperty("ai_content_id") long aiContentId,
        @JsonbProperty("session_hash") String sessionHash,
        String title,
        String language,
        String status,
        String model,
        String error,
        List<String> headings,
        List<Section> sections,
        List<Image> images,
        String summary,
        Meta meta,
        List<Faq> faq,
        @JsonbProperty("prompt_tokens") long promptTokens,
        @JsonbProperty("completion_tokens") long completionTokens,
        @JsonbProperty("created_at") String createdAt,
        @JsonbProperty("completed_at") String completedAt) {

    public record Section(int index, String heading, String body) {
    }

    public record Image(int index, String alt, @JsonbProperty("content_type") String contentType, String url) {
    }

    public record Meta(String title, String description, List<String> keywords) {
    }

    public record Faq(String question, String answer) {
    }
}
