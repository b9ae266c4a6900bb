package com.aicontent.ai.control;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** The answer of {@code POST /images/generations}: one image per requested {@code n}, as base64 or as a URL. */
public record ImageGenerationResponse(List<Image> data, ProviderUsage usage) {

    public record Image(@JsonbProperty("b64_json") String b64Json, String url, String revisedPrompt) {
    }
}
