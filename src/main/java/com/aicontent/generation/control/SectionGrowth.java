package com.aicontent.generation.control;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows a section that a streaming model is writing in the progress document: its length so far
 * and the end of its text. At most every {@link #EVERY}: the panel polls every 3 s, and every
 * write makes the document new for every poller, so more would only cost the hot path.
 */
final class SectionGrowth implements Consumer<String> {

    static final Duration EVERY = Duration.ofSeconds(2);
    /** How much of the end of the text the document carries. */
    static final int PREVIEW = 280;

    private final ProgressReporter progress;
    private final GenerationRun run;
    private final int index;
    private final LongSupplier nanos;
    private long shownAt;
    private boolean shown;

    SectionGrowth(ProgressReporter progress, GenerationRun run, int index, LongSupplier nanos) {
        this.progress = progress;
        this.run = run;
        this.index = index;
        this.nanos = nanos;
    }

    SectionGrowth(ProgressReporter progress, GenerationRun run, int index) {
        this(progress, run, index, System::nanoTime);
    }

    @Override
    public synchronized void accept(String soFar) {
        long now = nanos.getAsLong();
        if (run.isCancelled() || soFar == null || soFar.isBlank() || shown && now - shownAt < EVERY.toNanos()) {
            return;
        }
        shown = true;
        shownAt = now;
        progress.sectionWriting(run, index, soFar.length(), preview(soFar));
    }

    /** The last {@link #PREVIEW} characters, from the start of a word, on as few lines as they were. */
    static String preview(String text) {
        String body = text.strip();
        if (body.length() <= PREVIEW) {
            return body;
        }
        int from = body.length() - PREVIEW;
        int space = body.indexOf(' ', from);
        int start = space > 0 && space < body.length() - 1 ? space + 1 : from;
        if (Character.isLowSurrogate(body.charAt(start))) {
            start++;
        }
        return body.substring(start);
    }
}
