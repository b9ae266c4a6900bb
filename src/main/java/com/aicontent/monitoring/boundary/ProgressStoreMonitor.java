package com.aicontent.monitoring.boundary;

import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.ProgressStoreStatistics;

/**
 * What JConsole shows under {@code type=ProgressStore}: the store's own counters, continued from
 * those of the former deployment, and the number of progress keys in Redis.
 */
public class ProgressStoreMonitor implements ProgressStoreMXBean {

    private final ProgressStore store;
    private final ProgressStoreStatistics before;

    /** @param before the counts of the former deployment, added to this one's */
    public ProgressStoreMonitor(ProgressStore store, ProgressStoreStatistics before) {
        this.store = store;
        this.before = before;
    }

    @Override
    public long getWrites() {
        return before.writes() + store.statistics().writes();
    }

    @Override
    public long getReads() {
        return before.reads() + store.statistics().reads();
    }

    @Override
    public long getErrors() {
        return before.errors() + store.statistics().errors();
    }

    @Override
    public long getLastRoundTripMicros() {
        return store.statistics().lastRoundTripMicros();
    }

    @Override
    public long getAverageRoundTripMicros() {
        return store.statistics().averageRoundTripMicros();
    }

    @Override
    public long getKeyCount() {
        try {
            return store.countKeys();
        } catch (RuntimeException redisDown) {
            return -1;
        }
    }
}
