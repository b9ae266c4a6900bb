package com.aicontent.ai.control;

import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.GenerationCancelledException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A full limit makes calls wait in order; a cancel ends a wait without losing or leaking a slot. */
class ConcurrentCallLimitTest {

    final ConcurrentCallLimit limit = new ConcurrentCallLimit(1);

    @Test
    void aCallBeyondTheLimitWaitsUntilASlotIsFreeThenGetsIt() throws Exception {
        ConcurrentCallLimit.Slot first = limit.take(Cancellation.NEVER);
        CompletableFuture<ConcurrentCallLimit.Slot> second = CompletableFuture.supplyAsync(() -> limit.take(Cancellation.NEVER));
        awaitWaiting(1);
        assertFalse(second.isDone());

        first.close();

        second.get(10, TimeUnit.SECONDS).close();
        assertEquals(0, limit.taken());
    }

    @Test
    void waitingCallsGetTheirTurnInTheOrderTheyCame() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        ConcurrentCallLimit.Slot first = limit.take(Cancellation.NEVER);
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> {
            try (var slot = limit.take(Cancellation.NEVER)) {
                order.add(2);
            }
        });
        awaitWaiting(1);
        CompletableFuture<?> third = CompletableFuture.runAsync(() -> {
            try (var slot = limit.take(Cancellation.NEVER)) {
                order.add(3);
            }
        });
        awaitWaiting(2);

        first.close();
        CompletableFuture.allOf(second, third).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(2, 3), order);
    }

    @Test
    void aCancelEndsTheWaitAndTheNextWaiterStillGetsTheSlot() throws Exception {
        CancellationSwitch cancellation = new CancellationSwitch();
        ConcurrentCallLimit.Slot first = limit.take(Cancellation.NEVER);
        CompletableFuture<ConcurrentCallLimit.Slot> cancelled = CompletableFuture.supplyAsync(() -> limit.take(cancellation));
        awaitWaiting(1);
        CompletableFuture<ConcurrentCallLimit.Slot> patient = CompletableFuture.supplyAsync(() -> limit.take(Cancellation.NEVER));
        awaitWaiting(2);

        cancellation.cancel();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> cancelled.get(10, TimeUnit.SECONDS));
        assertInstanceOf(GenerationCancelledException.class, failure.getCause());
        first.close();

        patient.get(10, TimeUnit.SECONDS).close();
        assertEquals(0, limit.taken());
        assertEquals(0, limit.waiting());
    }

    @Test
    void aCancelledGenerationTakesNoSlot() {
        CancellationSwitch cancellation = new CancellationSwitch();
        cancellation.cancel();

        assertThrows(GenerationCancelledException.class, () -> limit.take(cancellation));
        assertEquals(0, limit.taken());
    }

    private void awaitWaiting(int count) throws InterruptedException {
        while (limit.waiting() < count) {
            Thread.sleep(5);
        }
    }
}
