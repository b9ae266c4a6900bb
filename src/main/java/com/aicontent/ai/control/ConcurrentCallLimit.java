package com.aicontent.ai.control;

import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.GenerationCancelledException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Caps the calls one provider has in flight. Providers rate-limit per key and local servers run
 * one model on one GPU, so a full limit makes a call wait its turn (first come, first served)
 * instead of failing; a cancel ends the wait at once, which a plain {@code Semaphore} cannot do
 * without interrupting threads it does not own.
 */
final class ConcurrentCallLimit {

    /** A taken slot; closing it hands it to the next waiting call. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final int max;
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int taken;

    ConcurrentCallLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, is " + max);
        }
        this.max = max;
    }

    /** Takes a slot, waiting for one if all are taken. */
    Slot take(Cancellation cancellation) {
        cancellation.throwIfCancelled();
        CompletableFuture<Void> turn;
        synchronized (this) {
            if (taken < max && waiting.isEmpty()) {
                taken++;
                return this::release;
            }
            turn = new CompletableFuture<>();
            waiting.add(turn);
        }
        try {
            CancellableWait.await(turn, cancellation, null);
        } catch (GenerationCancelledException cancelled) {
            synchronized (this) {
                waiting.remove(turn);
            }
            if (turn.isDone() && !turn.isCompletedExceptionally()) {
                release(); // the slot was handed over just before the cancel landed
            }
            throw cancelled;
        } catch (TimeoutException | ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        return this::release;
    }

    synchronized int taken() {
        return taken;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private synchronized void release() {
        CompletableFuture<Void> next;
        while ((next = waiting.poll()) != null) {
            if (next.complete(null)) {
                return; // handed over: the slot stays taken
            }
        }
        taken--;
    }
}
