package com.aicontent.generation.entity;

import com.aicontent.progress.entity.SessionHash;

import java.time.Duration;

/** A run executing on this instance, as operators see it. */
public record ActiveRun(SessionHash hash, long articleId, String title, int attempt, Duration age) {
}
