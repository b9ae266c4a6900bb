package com.aicontent.monitoring.boundary;

import com.aicontent.progress.control.ProgressDocuments;
import com.aicontent.progress.control.StoreCounters;
import com.aicontent.progress.entity.ProgressStoreStatistics;

/**
 * What JConsole shows under {@code type=ProgressStore}: the store's own counters, continued from
 * those of the former deployment, and the number of progress keys in Redis.
 */
public class ProgressStoreMonitor implements ProgressStoreMXBean {

    private final StoreCounters counters;
    private final ProgressDocuments documents;
    private final ProgressStoreStatistics before;

    /** @param before the counts of the former deployment, added to this one's */
    public ProgressStoreMonitor(StoreCounters counters, ProgressDocuments documents, ProgressStoreStatistics before) {
        this.counters = counters;
        this.documents = documents;
        this.before = before;
    }

    @Override
    public long getWrites() {
        return before.writes() + counters.statistics().writes();
    }

    @Override
    public long getReads() {
        return before.reads() + counters.statistics().reads();
    }

    @Override
    public long getErrors() {
        return before.errors() + counters.statistics().errors();
    }

    @Override
    public long getLastRoundTripMicros() {
        return counters.statistics().lastRoundTripMicros();
    }

    @Override
    public long getAverageRoundTripMicros() {
        return counters.statistics().averageRoundTripMicros();
    }

    @Override
    public long getKeyCount() {
        try {
            return documents.sessions().size();
        } catch (RuntimeException redisDown) {
            return -1;
        }
    }
}
