package com.aicontent.progress.entity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One atomic change to a progress document, applied by the store's Lua script in a single round
 * trip. Every part is optional; the script applies the contract's rules (progress never falls, the
 * step never moves back, a terminal status is final, a stale attempt is ignored).
 *
 * @param attempt     the run that writes; writes of an older run (before a restart) are ignored
 * @param step        the step the writer is in; the document's step only moves forward
 * @param progress    a lower bound for the progress bar
 * @param message     the new {@code current_message}; {@code {done}} and {@code {total}} are
 *                    replaced with the counts of {@code span}
 * @param status      {@code processing}, {@code completed} or {@code failed}
 * @param fields      fields to set as they are (headings, totals, the section list...)
 * @param increments  numeric fields to add to (token counters)
 * @param section     a section to mark; {@code completed_sections} is recounted from the list
 * @param image       an image to mark; {@code completed_images} is recounted from the list
 * @param span        derives progress from a count: from + (to - from) * done / total
 * @param messages    for cancel and restart: the message to show, by language
 * @param request     for restart: an id that makes a retried restart answer as the first did
 * @param by          for cancel and restart: who asked, kept as {@code cancelled_by} / {@code restarted_by}
 */
public record ProgressWrite(
        String op,
        Integer attempt,
        String step,
        Integer progress,
        String message,
        String status,
        String error,
        Map<String, Object> fields,
        Map<String, Long> increments,
        PartProgress section,
        PartProgress image,
        Span span,
        Map<String, String> messages,
        String request,
        ProgressDocument doc,
        String by) {

    /** Progress that follows a count, e.g. completed sections out of all sections. */
    public record Span(int from, int to, String done, String total) {

        public static Span sections(Step step) {
            return new Span(step.startsAt(), step.endsAt(), "completed_sections", "total_sections");
        }

        public static Span images(Step step) {
            return new Span(step.startsAt(), step.endsAt(), "completed_images", "total_images");
        }
    }

    public static ProgressWrite create(ProgressDocument doc) {
        return new ProgressWrite("create", null, null, null, null, null, null, null, null, null, null, null, null, null, doc, null);
    }

    /** Cancels unless terminal; {@code messages} maps a language to the message to show. */
    public static ProgressWrite cancel(Map<String, String> messages) {
        return cancel(messages, null);
    }

    /** A cancel that records who asked as {@code cancelled_by}. */
    public static ProgressWrite cancel(Map<String, String> messages, String by) {
        return new ProgressWrite("cancel", null, null, null, null, null, null, null, null, null, null, null, messages, null, null, by);
    }

    /** Moves a failed or cancelled generation back to processing under a new attempt. */
    public static ProgressWrite restart(Map<String, String> messages) {
        return restart(messages, null);
    }

    /** A restart that records who asked as {@code restarted_by}. */
    public static ProgressWrite restart(Map<String, String> messages, String by) {
        return new ProgressWrite("restart", null, null, null, null, null, null, null, null, null, null, null, messages,
                UUID.randomUUID().toString(), null, by);
    }

    /** Starts an update by the given run; refine it with the {@code with*} methods. */
    public static ProgressWrite by(int attempt) {
        return new ProgressWrite("update", attempt, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ProgressWrite inStep(Step newStep, int newProgress, String newMessage) {
        return new ProgressWrite(op, attempt, newStep.wireName(), newProgress, newMessage, status, error, fields,
                increments, section, image, span, messages, request, doc, by);
    }

    public ProgressWrite withStatus(ProgressStatus newStatus, String newError) {
        return new ProgressWrite(op, attempt, step, progress, message, newStatus.name(), newError, fields,
                increments, section, image, span, messages, request, doc, by);
    }

    public ProgressWrite withMessage(String newMessage) {
        return new ProgressWrite(op, attempt, step, progress, newMessage, status, error, fields,
                increments, section, image, span, messages, request, doc, by);
    }

    public ProgressWrite withFields(Map<String, Object> newFields) {
        return new ProgressWrite(op, attempt, step, progress, message, status, error, newFields,
                increments, section, image, span, messages, request, doc, by);
    }

    public ProgressWrite withIncrements(Map<String, Long> newIncrements) {
        return new ProgressWrite(op, attempt, step, progress, message, status, error, fields,
                newIncrements, section, image, span, messages, request, doc, by);
    }

    public ProgressWrite withSectionDone(int index, Span newSpan) {
        return new ProgressWrite(op, attempt, step, progress, message, status, error, fields,
                increments, new PartProgress(index, null, PartProgress.DONE), image, newSpan, messages, request, doc, by);
    }

    public ProgressWrite withImageDone(int index, Span newSpan) {
        return new ProgressWrite(op, attempt, step, progress, message, status, error, fields,
                increments, section, new PartProgress(index, null, PartProgress.DONE), newSpan, messages, request, doc, by);
    }

    public ProgressWrite withSpan(Span newSpan) {
        return new ProgressWrite(op, attempt, step, progress, message, status, error, fields,
                increments, section, image, newSpan, messages, request, doc, by);
    }

    /** Lists the parts for the UI; used when headings are known. */
    public static Map<String, Object> parts(List<String> headings, List<PartProgress> sections, List<PartProgress> images) {
        return Map.of("headings", headings, "sections", sections, "images", images,
                "total_sections", sections.size(), "total_images", images.size());
    }
}
