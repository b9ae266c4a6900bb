package com.aicontent.monitoring.boundary;

/** {@code ai-content-generator:type=Executor}: the tasks of the generation executor. */
public interface ExecutorMXBean {

    int getTasksQueued();

    int getTasksRunning();

    long getTasksSubmitted();

    long getTasksFinished();
}
