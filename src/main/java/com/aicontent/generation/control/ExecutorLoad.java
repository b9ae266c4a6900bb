package com.aicontent.generation.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts the pipeline's tasks on the generation executor: a managed executor tells nobody how many
 * tasks wait or run, and operators want to see both (JMX {@code type=Executor}).
 */
@ApplicationScoped
public class ExecutorLoad {

    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final LongAdder submitted = new LongAdder();
    private final LongAdder finished = new LongAdder();

    /**
     * Submits {@code task} and counts it: queued until it starts, running until it ends. A task that
     * never starts (the executor rejected it, or its future was completed first, e.g. cancelled)
     * leaves the queued count again; wrapping and submitting in one place is what makes that possible.
     */
    public <T> CompletableFuture<T> supplyAsync(Executor executor, Supplier<T> task) {
        Ticket ticket = new Ticket();
        CompletableFuture<T> future;
        try {
            future = CompletableFuture.supplyAsync(() -> ticket.run(task), executor);
        } catch (RejectedExecutionException rejected) {
            ticket.drop();
            throw rejected;
        }
        future.whenComplete((value, error) -> ticket.drop());
        return future;
    }

    /** {@link #supplyAsync} for a task without a result. */
    public CompletableFuture<Void> runAsync(Executor executor, Runnable task) {
        return supplyAsync(executor, () -> {
            task.run();
            return null;
        });
    }

    /** An executor that counts what it is handed, for stages submitted later (the *Async methods). */
    public Executor counting(Executor executor) {
        return command -> {
            Ticket ticket = new Ticket();
            try {
                executor.execute(() -> ticket.run(() -> {
                    command.run();
                    return null;
                }));
            } catch (RejectedExecutionException rejected) {
                ticket.drop();
                throw rejected;
            }
        };
    }

    /** One submitted task's place in the counts: it either starts or is dropped, once. */
    private final class Ticket {

        private final AtomicBoolean settled = new AtomicBoolean();

        Ticket() {
            submitted.increment();
            queued.incrementAndGet();
        }

        <T> T run(Supplier<T> task) {
            if (!settled.compareAndSet(false, true)) {
                return task.get(); // already dropped as never started; not counted twice
            }
            began();
            try {
                return task.get();
            } finally {
                ended();
            }
        }

        void drop() {
            if (settled.compareAndSet(false, true)) {
                queued.decrementAndGet();
            }
        }
    }

    private void began() {
        queued.decrementAndGet();
        running.incrementAndGet();
    }

    private void ended() {
        running.decrementAndGet();
        finished.increment();
    }

    public int queued() {
        return queued.get();
    }

    public int running() {
        return running.get();
    }

    public long submitted() {
        return submitted.sum();
    }

    public long finished() {
        return finished.sum();
    }
}
