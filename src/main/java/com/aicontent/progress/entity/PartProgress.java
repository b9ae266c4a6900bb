package com.aicontent.progress.entity;

import jakarta.json.bind.annotation.JsonbTransient;

/** The state of one section or image of a generation, as listed in the progress document. */
public record PartProgress(int index, String heading, String status) {

    public static final String PENDING = "pending";
    public static final String DONE = "done";

    @JsonbTransient
    public boolean isDone() {
        return DONE.equals(status);
    }
}
