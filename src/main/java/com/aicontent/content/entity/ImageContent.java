package com.aicontent.content.entity;

/** The bytes of one stored image, ready to serve. */
public record ImageContent(String contentType, byte[] bytes) {
}
