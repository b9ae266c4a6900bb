package com.aicontent.monitoring.control;

import com.aicontent.generation.entity.GenerationEvent;
import com.aicontent.generation.entity.GenerationEvent.Kind;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationStatisticsTest {

    static GenerationEvent event(String hash, Kind kind, String step, long millis, String message) {
        return new GenerationEvent(hash, 1, kind, step, Duration.ofMillis(millis), message);
    }

    static GenerationStatistics afterARunOfEachOutcome() {
        var statistics = new GenerationStatistics();
        for (String hash : new String[]{"aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"}) {
            statistics.on(event(hash, Kind.STARTED, null, 0, null));
        }
        statistics.on(event("aaaaaaaaaaaa", Kind.STEP_FINISHED, "heading_generation", 100, null));
        statistics.on(event("aaaaaaaaaaaa", Kind.STEP_FINISHED, "section_generation", 300, null));
        statistics.on(event("aaaaaaaaaaaa", Kind.COMPLETED, null, 1000, null));
        statistics.on(event("bbbbbbbbbbbb", Kind.FAILED, null, 500, "the model answered 500"));
        statistics.on(event("cccccccccccc", Kind.CANCELLED, null, 200, null));
        return statistics;
    }

    @Test
    void countsEachOutcomeAndKeepsTheLatestError() {
        var statistics = afterARunOfEachOutcome();
        assertEquals(3, statistics.started());
        assertEquals(1, statistics.completed());
        assertEquals(1, statistics.failed());
        assertEquals(1, statistics.cancelled());
        assertEquals("bbbbbbbbbbbb", statistics.lastError().orElseThrow().sessionHash());
        assertEquals("the model answered 500", statistics.lastError().orElseThrow().message());
    }

    @Test
    void timesCompletedRunsAndEachStepInTheStepsOrder() {
        var statistics = afterARunOfEachOutcome();
        assertEquals(1000, statistics.runs().averageMillis());
        assertEquals(Map.of("heading_generation", 100L, "section_generation", 300L),
                statistics.stepDurations(DurationWindow::p95Millis));
        assertEquals("heading_generation", statistics.stepDurations(DurationWindow::averageMillis).keySet().iterator().next());
    }

    @Test
    void aNewDeploymentContinuesFromTheCountsTheFormerLeftOnThePlatformMBeanServer() {
        var carried = new CarriedCounts(ManagementFactory.getPlatformMBeanServer(), "ai-content-generator-test");
        carried.keep(afterARunOfEachOutcome().toMap());

        var redeployed = new GenerationStatistics();
        redeployed.add(carried.read());
        redeployed.on(event("dddddddddddd", Kind.STARTED, null, 0, null));

        assertEquals(4, redeployed.started());
        assertEquals(1, redeployed.completed());
        assertEquals(1, redeployed.failed());
        assertEquals(1, redeployed.cancelled());
        assertEquals(1000, redeployed.runs().averageMillis());
        assertEquals(300, redeployed.stepDurations(DurationWindow::averageMillis).get("section_generation"));
        assertTrue(redeployed.lastError().orElseThrow().toString().contains("[bbbbbbbbbbbb] the model answered 500"));
    }
}
