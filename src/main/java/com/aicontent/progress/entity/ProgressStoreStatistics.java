package com.aicontent.progress.entity;

/** Counters of the progress store since the application started. */
public record ProgressStoreStatistics(long writes, long reads, long errors, long lastRoundTripMicros,
                                      long averageRoundTripMicros) {
}
