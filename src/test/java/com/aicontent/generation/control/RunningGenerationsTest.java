package com.aicontent.generation.control;

import com.aicontent.progress.entity.ProgressWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local run obeys what any instance writes into its document. */
class RunningGenerationsTest {

    final Testbed bed = new Testbed(new ScriptedModel());

    @AfterEach
    void close() {
        bed.close();
    }

    GenerationRun registered() {
        GenerationRun run = bed.accept("t", 1, 0);
        bed.running.add(run);
        bed.store.write(run.hash(), new ProgressWrite.Begin(1, "b"));
        return run;
    }

    static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean());
    }

    @Test
    void aCancelWrittenAnywhereCancelsTheLocalRun() throws Exception {
        GenerationRun run = registered();
        bed.store.write(run.hash(), new ProgressWrite.Cancel(Map.of("en", "c"), "ada"));
        eventually(run::cancelledByRequest);
    }

    @Test
    void aFailureWrittenByAnotherInstanceStopsTheLocalRunWithItsError() throws Exception {
        GenerationRun run = registered();
        bed.store.write(run.hash(), new ProgressWrite.Fail(1, "taken for dead", "m"));
        eventually(() -> "taken for dead".equals(run.failure()));
        assertFalse(run.cancelledByRequest());
    }

    @Test
    void aNewerAttemptElsewhereCancelsTheLocalRun() throws Exception {
        GenerationRun run = registered();
        bed.store.write(run.hash(), new ProgressWrite.Cancel(Map.of("en", "c"), "ada"));
        bed.store.write(run.hash(), ProgressWrite.Restart.of(Map.of("en", "r"), "ada"));
        eventually(run::isCancelled);
    }

    @Test
    void theCheckBeforeAModelCallSeesACancelTheSubscriptionMissed() {
        GenerationRun run = bed.accept("t", 1, 0);
        bed.store.write(run.hash(), new ProgressWrite.Cancel(Map.of("en", "c"), "ada")); // before the run was registered
        bed.running.add(run);
        bed.running.checkStillWanted(run);
        assertTrue(run.cancelledByRequest());
    }

    @Test
    void theCheckBeforeAModelCallStopsNothingWhenRedisDoesNotAnswer() {
        GenerationRun run = registered();
        bed.store.down(true);
        bed.running.checkStillWanted(run);
        assertFalse(run.isCancelled());
    }

    @Test
    void aSecondRunOfTheSameGenerationHereCancelsTheFirst() {
        GenerationRun first = registered();
        GenerationRun second = new GenerationRun(first.hash(), first.articleId(), 2, first.brief());
        bed.running.add(second);
        assertTrue(first.isCancelled());
        assertEquals(1, bed.running.all().size());
    }
}
