package com.aicontent.progress.entity;

/** The state of one section or image of a generation, as listed in the progress document. */
public record PartProgress(int index, String heading, PartStatus status) {
}
