package com.aicontent.monitoring.entity;

import java.time.Instant;

/** The latest failure of a generation, as an operator reads it in JConsole. */
public record LastError(Instant at, String sessionHash, String message) {

    @Override
    public String toString() {
        return at + " [" + sessionHash + "] " + message;
    }
}
