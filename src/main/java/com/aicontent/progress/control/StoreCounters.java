package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressStoreStatistics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** How often the store read, wrote and failed, and how long its round trips took (JMX {@code type=ProgressStore}). */
@ApplicationScoped
public class StoreCounters {

    private final LongAdder writes = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong lastNanos = new AtomicLong();

    /** Runs one round trip to Redis and times it. */
    <T> T timed(Supplier<T> roundTrip) {
        long started = System.nanoTime();
        try {
            return roundTrip.get();
        } finally {
            long took = System.nanoTime() - started;
            lastNanos.set(took);
            totalNanos.add(took);
            roundTrips.increment();
        }
    }

    void read() {
        reads.increment();
    }

    void wrote() {
        writes.increment();
    }

    void failed() {
        errors.increment();
    }

    public ProgressStoreStatistics statistics() {
        long trips = roundTrips.sum();
        return new ProgressStoreStatistics(writes.sum(), reads.sum(), errors.sum(), lastNanos.get() / 1000,
                trips == 0 ? 0 : totalNanos.sum() / trips / 1000);
    }
}
