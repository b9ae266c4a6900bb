package com.aicontent.generation.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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

    /** Wraps a task that is submitted right now. */
    public Runnable counted(Runnable task) {
        enqueued();
        return () -> run(task);
    }

    /** Wraps a task that is submitted right now. */
    public <T> Supplier<T> counted(Supplier<T> task) {
        enqueued();
        return () -> {
            began();
            try {
                return task.get();
            } finally {
                ended();
            }
        };
    }

    /** An executor that counts what it is handed, for stages submitted later (the *Async methods). */
    public Executor counting(Executor executor) {
        return command -> {
            Runnable task = counted(command);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                queued.decrementAndGet();
                throw e;
            }
        };
    }

    private void run(Runnable task) {
        began();
        try {
            task.run();
        } finally {
            ended();
        }
    }

    private void enqueued() {
        submitted.increment();
        queued.incrementAndGet();
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
