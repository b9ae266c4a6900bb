package com.aicontent.progress.entity;

/** The outcome of a write and the document as it stands afterwards ({@code null} when missing). */
public record WriteResult(WriteOutcome outcome, ProgressDocument document) {
}
