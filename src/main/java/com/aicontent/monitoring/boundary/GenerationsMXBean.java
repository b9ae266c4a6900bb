package com.aicontent.monitoring.boundary;

import com.aicontent.monitoring.entity.ActiveGeneration;

import java.util.List;
import java.util.Map;

/** {@code ai-content-generator:type=Generations}: follow, count and cancel generations. */
public interface GenerationsMXBean {

    /** Generations running on this instance now. */
    int getActive();

    long getStarted();

    long getCompleted();

    long getFailed();

    long getCancelled();

    /** Of completed generations, start to end. */
    long getAverageDurationMillis();

    /** Of the latest 1000 completed generations. */
    long getP95DurationMillis();

    /** Per step (wire name), of every time the step finished. */
    Map<String, Long> getAverageStepDurationMillis();

    /** Per step (wire name), of the latest 1000 times the step finished. */
    Map<String, Long> getP95StepDurationMillis();

    /** "time [sessionHash] message" of the latest failure, or an empty string. */
    String getLastError();

    /** Cancels as the REST API does, on whichever instance runs it; answers what happened. */
    String cancel(String sessionHash);

    List<ActiveGeneration> listActive();
}
