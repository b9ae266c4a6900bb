package com.aicontent.generation.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExecutorLoadTest {

    ExecutorLoad load = new ExecutorLoad();
    List<Runnable> handedOver = new ArrayList<>();

    @Test
    void aTaskIsQueuedUntilItRunsAndFinishedAfterwards() {
        CompletableFuture<String> answer = load.supplyAsync(handedOver::add, () -> "done");
        assertEquals(1, load.queued());

        handedOver.forEach(Runnable::run);

        assertEquals("done", answer.join());
        assertEquals(0, load.queued());
        assertEquals(0, load.running());
        assertEquals(1, load.finished());
    }

    @Test
    void aTaskTheExecutorRejectsLeavesTheQueuedCountAgain() {
        Executor full = task -> { throw new RejectedExecutionException("full"); };

        assertThrows(RejectedExecutionException.class, () -> load.runAsync(full, () -> { }));
        assertThrows(RejectedExecutionException.class, () -> load.counting(full).execute(() -> { }));

        assertEquals(0, load.queued());
        assertEquals(0, load.running());
    }

    @Test
    void aTaskWhoseFutureIsCancelledBeforeItStartsLeavesTheQueuedCountAgain() {
        CompletableFuture<Void> task = load.runAsync(handedOver::add, () -> { });

        task.cancel(false);
        handedOver.forEach(Runnable::run);

        assertEquals(0, load.queued());
        assertEquals(0, load.running());
    }
}
