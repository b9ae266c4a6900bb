package com.aicontent.monitoring.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationWindowTest {

    @Test
    void isZeroBeforeTheFirstDuration() {
        var window = new DurationWindow();
        assertEquals(0, window.averageMillis());
        assertEquals(0, window.p95Millis());
    }

    @Test
    void averagesAllDurationsAndTakesTheNearestRank95thPercentile() {
        var window = new DurationWindow();
        LongStream.rangeClosed(1, 100).forEach(ms -> window.add(Duration.ofMillis(ms)));
        assertEquals(50, window.averageMillis());
        assertEquals(95, window.p95Millis());
        assertEquals(100, window.count());
    }

    @Test
    void thePercentileFollowsTheLatestThousandWhileTheAverageKeepsAll() {
        var window = new DurationWindow();
        LongStream.range(0, DurationWindow.SIZE).forEach(i -> window.add(Duration.ofMillis(10_000)));
        LongStream.range(0, DurationWindow.SIZE).forEach(i -> window.add(Duration.ofMillis(10)));
        assertEquals(10, window.p95Millis());
        assertEquals(5005, window.averageMillis());
    }

    @Test
    void comesBackFromItsNumbersUnchanged() {
        var window = new DurationWindow();
        LongStream.range(0, DurationWindow.SIZE + 7).forEach(ms -> window.add(Duration.ofMillis(ms)));
        var copy = DurationWindow.of(window.toArray());
        assertArrayEquals(window.toArray(), copy.toArray());
        assertEquals(window.p95Millis(), copy.p95Millis());
        assertEquals(window.averageMillis(), copy.averageMillis());
    }
}
