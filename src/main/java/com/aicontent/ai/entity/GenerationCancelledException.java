package com.aicontent.ai.entity;

/** Thrown from a model call whose generation was cancelled; not a failure. */
public class GenerationCancelledException extends RuntimeException {

    public GenerationCancelledException() {
        super("generation cancelled", null, false, false);
    }
}
