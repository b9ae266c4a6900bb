package com.aicontent.generation.control;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExecutorLoadTest {

    ExecutorLoad load = new ExecutorLoad();
    List<Runnable> handedOver = new ArrayList<>();

    @Test
    void aTaskIsQueuedUntilItRunsAndFinishedAfterwards() {
        CompletableFuture<String> answer = load.supplyAsync(executor(handedOver::add), () -> "done");
        assertEquals(1, load.queued());

        handedOver.forEach(Runnable::run);

        assertEquals("done", answer.join());
        assertEquals(0, load.queued());
        assertEquals(0, load.running());
        assertEquals(1, load.finished());
    }

    @Test
    void aTaskTheExecutorRejectsLeavesTheQueuedCountAgain() {
        ManagedExecutorService full = executor(task -> { throw new RejectedExecutionException("full"); });

        assertThrows(RejectedExecutionException.class, () -> load.runAsync(full, () -> { }));
        assertThrows(RejectedExecutionException.class, () -> load.counting(full).execute(() -> { }));

        assertEquals(0, load.queued());
        assertEquals(0, load.running());
    }

    @Test
    void aTaskWhoseFutureIsCancelledBeforeItStartsLeavesTheQueuedCountAgain() {
        CompletableFuture<Void> task = load.runAsync(executor(handedOver::add), () -> { });

        task.cancel(false);
        handedOver.forEach(Runnable::run);

        assertEquals(0, load.queued());
        assertEquals(0, load.running());
    }

    /** A managed executor whose supplyAsync hands its tasks to {@code executor}, as the container's does. */
    private static ManagedExecutorService executor(Executor executor) {
        return (ManagedExecutorService) Proxy.newProxyInstance(ManagedExecutorService.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("supplyAsync") && args.length == 1) {
                        return CompletableFuture.supplyAsync((Supplier<?>) args[0], executor);
                    }
                    if (method.getName().equals("execute")) {
                        executor.execute((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
