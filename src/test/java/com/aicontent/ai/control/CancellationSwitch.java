package com.aicontent.ai.control;

import com.aicontent.ai.entity.Cancellation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A cancellation the test flips by hand, as the pipeline does when the admin presses cancel. */
final class CancellationSwitch implements Cancellation {

    private final List<Runnable> aborts = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    void cancel() {
        cancelled = true;
        aborts.forEach(Runnable::run);
    }

    /** Callbacks still registered: a call that finished must have removed its own. */
    int registered() {
        return aborts.size();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public Runnable onCancel(Runnable abort) {
        aborts.add(abort);
        if (cancelled) {
            abort.run();
        }
        return () -> aborts.remove(abort);
    }
}
