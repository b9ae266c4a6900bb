package com.aicontent.monitoring.boundary;

/** {@code ai-content-generator:type=ProgressStore}: the Redis side of progress. */
public interface ProgressStoreMXBean {

    long getWrites();

    long getReads();

    long getErrors();

    long getLastRoundTripMicros();

    long getAverageRoundTripMicros();

    /** Progress keys in Redis (all instances' generations), counted with SCAN; -1 when Redis does not answer. */
    long getKeyCount();
}
