package com.aicontent.ai.entity;

/**
 * A model call that failed for good (after any retries). The message is meant for the admin:
 * it says what went wrong and never contains credentials.
 */
public class ModelCallFailedException extends RuntimeException {

    public ModelCallFailedException(String message) {
        super(message);
    }

    public ModelCallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
