package com.aicontent.generation.entity;

/** The generation executor's tasks on this instance: waiting and running now, and totals since start. */
public record ExecutorCounts(int queued, int running, long submitted, long finished) {
}
