package com.aicontent.api.control;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedSignInsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    FailedSignIns limiter(int limit, int windowSeconds, int blockSeconds) {
        FailedSignIns failures = new FailedSignIns();
        failures.limit = limit;
        failures.windowSeconds = windowSeconds;
        failures.blockSeconds = blockSeconds;
        failures.clock = now::get;
        return failures;
    }

    @Test
    void theFirstFailuresAreAnsweredAtOnceThenLaterAndLaterThenTheClientIsBlocked() {
        FailedSignIns failures = limiter(10, 60, 300);
        for (int i = 1; i <= 5; i++) {
            assertEquals(0, failures.failed("203.0.113.7"), "failure " + i);
        }
        assertEquals(100, failures.failed("203.0.113.7"));
        assertEquals(200, failures.failed("203.0.113.7"));
        assertEquals(400, failures.failed("203.0.113.7"));
        assertEquals(800, failures.failed("203.0.113.7"));
        assertEquals(0, failures.blockedSeconds("203.0.113.7"));
        assertEquals(-1, failures.failed("203.0.113.7"), "the tenth failure blocks");
        assertEquals(300, failures.blockedSeconds("203.0.113.7"));
        assertEquals(0, failures.blockedSeconds("198.51.100.1"), "other clients are not blocked");
    }

    @Test
    void theBlockEndsAndAQuietWindowStartsAfresh() {
        FailedSignIns failures = limiter(4, 60, 30);
        for (int i = 0; i < 4; i++) {
            failures.failed("c");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(29));
        assertEquals(1, failures.blockedSeconds("c"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(0, failures.blockedSeconds("c"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(0, failures.failed("c"), "a new window");
    }

    @Test
    void delaysAreCappedAndNeverHeldByMoreThanAFewThreads() throws Exception {
        FailedSignIns failures = limiter(100, 60, 300);
        long last = 0;
        for (int i = 0; i < 90; i++) {
            last = failures.failed("c");
        }
        assertEquals(2000, last);
        assertTrue(failures.holdBack(1));
    }
}
