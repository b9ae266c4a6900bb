package com.aicontent.ai.control;

/**
 * The body of {@code POST /images/generations}. No {@code response_format}: newer models reject it
 * and always answer base64, older ones answer a URL by default, and the client takes either.
 */
public record ImageGenerationRequest(String model, String prompt, int n, String size) {
}
