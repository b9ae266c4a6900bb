package com.aicontent.progress.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One atomic change to a progress document. Each kind carries exactly what it may change; the
 * store's Lua script applies the contract's rules to all of them (progress never falls, the step
 * never moves back, a terminal status is final, an older attempt's write is ignored). The
 * {@code op} names are what the script dispatches on.
 */
@JsonbTypeInfo(key = "op", value = {
        @JsonbSubtype(alias = "create", type = ProgressWrite.Create.class),
        @JsonbSubtype(alias = "cancel", type = ProgressWrite.Cancel.class),
        @JsonbSubtype(alias = "restart", type = ProgressWrite.Restart.class),
        @JsonbSubtype(alias = "begin", type = ProgressWrite.Begin.class),
        @JsonbSubtype(alias = "enter_step", type = ProgressWrite.EnterStep.class),
        @JsonbSubtype(alias = "leave_step", type = ProgressWrite.LeaveStep.class),
        @JsonbSubtype(alias = "outline", type = ProgressWrite.Outline.class),
        @JsonbSubtype(alias = "part_done", type = ProgressWrite.PartDone.class),
        @JsonbSubtype(alias = "part_writing", type = ProgressWrite.PartWriting.class),
        @JsonbSubtype(alias = "part_failed", type = ProgressWrite.PartFailed.class),
        @JsonbSubtype(alias = "notes", type = ProgressWrite.Notes.class),
        @JsonbSubtype(alias = "usage", type = ProgressWrite.Usage.class),
        @JsonbSubtype(alias = "complete", type = ProgressWrite.Complete.class),
        @JsonbSubtype(alias = "fail", type = ProgressWrite.Fail.class)})
public sealed interface ProgressWrite {

    /** Stores a new document, unless one exists under its hash. */
    record Create(ProgressDocument doc) implements ProgressWrite {
    }

    /**
     * Cancels unless terminal; {@code messages} maps a language to the message to show, {@code by}
     * (who asked, or null) is kept as {@code cancelled_by}.
     */
    record Cancel(Map<String, String> messages, String by) implements ProgressWrite {
    }

    /**
     * Moves a failed or cancelled generation back to processing under the next attempt. The
     * request id makes a restart the store had to send twice answer as the first did; {@code by}
     * (who asked, or null) is kept as {@code restarted_by}.
     */
    record Restart(Map<String, String> messages, String request, String by) implements ProgressWrite {

        public static Restart of(Map<String, String> messages, String by) {
            return new Restart(messages, UUID.randomUUID().toString(), by);
        }
    }

    /** A write by one run of a generation: ignored once the generation is terminal or was restarted since. */
    sealed interface Update extends ProgressWrite {
        int attempt();
    }

    /** The run has started: processing, in the first step. */
    record Begin(int attempt, String message) implements Update {
    }

    /**
     * The run has entered a step. In the section and image steps the bar follows the parts done,
     * and {@code {done}} and {@code {total}} in the message are filled in with their counts.
     */
    record EnterStep(int attempt, Step step, String message) implements Update {
    }

    /** The run has finished a step: the bar reaches the step's end. */
    record LeaveStep(int attempt, Step step) implements Update {
    }

    /** The headings are known: lists the parts to write, those a former run finished marked done. */
    record Outline(int attempt, List<String> headings, List<PartProgress> sections, List<PartProgress> images)
            implements Update {
    }

    /** One section or image is done and saved; the counts are taken again from the lists. */
    record PartDone(int attempt, PartKind part, int index, String message) implements Update {
    }

    /**
     * A streaming model is writing a part: how long it is so far and how it ends, for the panel to
     * show; a part already done stays done. Done clears both again.
     */
    record PartWriting(int attempt, PartKind part, int index, int characters, String preview) implements Update {
    }

    /** A part that could not be had (an image URL refused): the article goes on without it; a done part stays done. */
    record PartFailed(int attempt, PartKind part, int index, String error) implements Update {
    }

    /** What the admin should know about the model's answers so far ("asked for 8 headings, got 5"), all of them. */
    record Notes(int attempt, List<String> notes) implements Update {
    }

    /** One answered model call and the tokens it cost. */
    record Usage(int attempt, @JsonbProperty("prompt_tokens") long promptTokens,
                 @JsonbProperty("completion_tokens") long completionTokens) implements Update {
    }

    record Complete(int attempt, String message) implements Update {
    }

    record Fail(int attempt, String error, String message) implements Update {
    }
}
