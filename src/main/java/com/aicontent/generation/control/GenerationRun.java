package com.aicontent.generation.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.progress.entity.SessionHash;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a generation on this instance: the first run, or one after a restart ({@code attempt}
 * counts them). It is the cancellation its tasks' model calls watch: a cancel, or the failure of one
 * task, stops all of them and aborts the calls they have in flight.
 */
public class GenerationRun implements Cancellation {

    private final SessionHash hash;
    private final long articleId;
    private final int attempt;
    private final ArticleBrief brief;
    private final Instant started = Instant.now();
    private final Set<Runnable> aborts = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    public GenerationRun(SessionHash hash, long articleId, int attempt, ArticleBrief brief) {
        this.hash = hash;
        this.articleId = articleId;
        this.attempt = attempt;
        this.brief = brief;
    }

    public SessionHash hash() { return hash; }
    public long articleId() { return articleId; }
    public int attempt() { return attempt; }
    public ArticleBrief brief() { return brief; }

    public Duration age() {
        return Duration.between(started, Instant.now());
    }

    /** The session hash, so the model client's retry lines carry it like the pipeline's own. */
    @Override
    public String label() {
        return hash.value();
    }

    @Override
    public boolean isCancelled() {
        return cancelled || failure.get() != null;
    }

    /** True when an admin (or an operator) cancelled, as opposed to a task failing. */
    public boolean cancelledByRequest() {
        return cancelled;
    }

    @Override
    public Runnable onCancel(Runnable abort) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                if (aborts.remove(this)) {
                    abort.run();
                }
            }
        };
        aborts.add(once);
        if (isCancelled()) {
            once.run();
        }
        return () -> aborts.remove(once);
    }

    public void cancel() {
        cancelled = true;
        abortAll();
    }

    /** Records the first failure and stops the run's other tasks; later failures are their echoes. */
    public void fail(String message) {
        if (failure.compareAndSet(null, message)) {
            abortAll();
        }
    }

    public String failure() {
        return failure.get();
    }

    private void abortAll() {
        for (Runnable abort : Set.copyOf(aborts)) {
            abort.run();
        }
    }
}
