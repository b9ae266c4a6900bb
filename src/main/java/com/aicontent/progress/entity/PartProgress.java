package com.aicontent.progress.entity;

/** The state of one section or image of a generation, as listed in the progress document. */
public record PartProgress(int index, String heading, String status) {

    public static final String PENDING = "pending";
    public static final String DONE = "done";

    public boolean isDone() {
        return DONE.equals(status);
    }
}
