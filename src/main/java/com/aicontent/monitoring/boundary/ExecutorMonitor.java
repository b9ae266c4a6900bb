package com.aicontent.monitoring.boundary;

import com.aicontent.generation.boundary.GenerationActivity;

/** What JConsole shows under {@code type=Executor}; the totals continue from the former deployment. */
public class ExecutorMonitor implements ExecutorMXBean {

    private final GenerationActivity activity;
    private final long submittedBefore;
    private final long finishedBefore;

    public ExecutorMonitor(GenerationActivity activity, long submittedBefore, long finishedBefore) {
        this.activity = activity;
        this.submittedBefore = submittedBefore;
        this.finishedBefore = finishedBefore;
    }

    @Override
    public int getTasksQueued() {
        return activity.executorCounts().queued();
    }

    @Override
    public int getTasksRunning() {
        return activity.executorCounts().running();
    }

    @Override
    public long getTasksSubmitted() {
        return submittedBefore + activity.executorCounts().submitted();
    }

    @Override
    public long getTasksFinished() {
        return finishedBefore + activity.executorCounts().finished();
    }
}
