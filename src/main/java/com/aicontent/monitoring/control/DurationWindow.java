package com.aicontent.monitoring.control;

import java.time.Duration;
import java.util.Arrays;

/**
 * Durations of one kind (whole generations, or one step): the average over all of them and the
 * 95th percentile over the latest {@value #SIZE}, so a slow hour shows without the history of
 * weeks flattening it. Its state is plain numbers, so it can be carried over a redeploy.
 */
public class DurationWindow {

    static final int SIZE = 1000;

    private final long[] recentMillis = new long[SIZE];
    private int next;
    private int filled;
    private long count;
    private long totalMillis;

    public synchronized void add(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        recentMillis[next] = millis;
        next = (next + 1) % SIZE;
        filled = Math.min(filled + 1, SIZE);
        count++;
        totalMillis += millis;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized long averageMillis() {
        return count == 0 ? 0 : totalMillis / count;
    }

    /** The nearest-rank 95th percentile of the latest durations; 0 before the first. */
    public synchronized long p95Millis() {
        if (filled == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(recentMillis, filled);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.95 * filled);
        return sorted[rank - 1];
    }

    /** count, total, then the latest durations oldest first. */
    public synchronized long[] toArray() {
        long[] state = new long[2 + filled];
        state[0] = count;
        state[1] = totalMillis;
        for (int i = 0; i < filled; i++) {
            state[2 + i] = recentMillis[(next - filled + i + SIZE) % SIZE];
        }
        return state;
    }

    public static DurationWindow of(long[] state) {
        DurationWindow window = new DurationWindow();
        if (state == null || state.length < 2) {
            return window;
        }
        for (int i = 2; i < state.length; i++) {
            window.add(Duration.ofMillis(state[i]));
        }
        window.count = state[0];
        window.totalMillis = state[1];
        return window;
    }
}
