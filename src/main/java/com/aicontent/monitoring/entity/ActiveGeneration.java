package com.aicontent.monitoring.entity;

/**
 * One generation running on this instance, as {@code listActive()} shows it in JConsole (a record,
 * so the MXBean mapping makes it a CompositeData row).
 *
 * @param step     the step's wire name from the progress document, or "unknown" when Redis does not answer
 * @param progress 0..100, or -1 when Redis does not answer
 */
public record ActiveGeneration(String sessionHash, long aiContentId, String title, int attempt, String step,
                               int progress, long ageSeconds) {
}
