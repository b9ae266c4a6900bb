package com.aicontent.monitoring.boundary;

import com.aicontent.generation.control.ExecutorLoad;

/** What JConsole shows under {@code type=Executor}; the totals continue from the former deployment. */
public class ExecutorMonitor implements ExecutorMXBean {

    private final ExecutorLoad load;
    private final long submittedBefore;
    private final long finishedBefore;

    public ExecutorMonitor(ExecutorLoad load, long submittedBefore, long finishedBefore) {
        this.load = load;
        this.submittedBefore = submittedBefore;
        this.finishedBefore = finishedBefore;
    }

    @Override
    public int getTasksQueued() {
        return load.queued();
    }

    @Override
    public int getTasksRunning() {
        return load.running();
    }

    @Override
    public long getTasksSubmitted() {
        return submittedBefore + load.submitted();
    }

    @Override
    public long getTasksFinished() {
        return finishedBefore + load.finished();
    }
}
