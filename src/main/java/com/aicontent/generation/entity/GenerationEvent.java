package com.aicontent.generation.entity;

import java.time.Duration;

/**
 * Something that happened to a generation, fired as a CDI event for whoever counts or watches.
 *
 * @param step     the step's wire name for {@link Kind#STEP_FINISHED}, otherwise {@code null}
 * @param duration of the step, or of the whole run for the terminal kinds
 * @param message  the error of a failure, otherwise {@code null}
 */
public record GenerationEvent(String sessionHash, long aiContentId, Kind kind, String step, Duration duration,
                              String message) {

    public enum Kind {
        STARTED, STEP_FINISHED, COMPLETED, FAILED, CANCELLED
    }
}
