package com.aicontent.ai.entity;

/** Image bytes as the model produced them. */
public record GeneratedImage(byte[] bytes, String contentType, String alt) {
}
