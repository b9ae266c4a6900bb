package com.aicontent.generation.control;

import com.aicontent.ai.entity.TokenUsage;
import com.aicontent.generation.entity.ProgressMessages;
import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.PartProgress;
import com.aicontent.progress.entity.PartStatus;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.RedisUnavailableException;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Turns what a run does into progress writes, each one atomic, and logs it under
 * {@code AI-PROGRESS} with the session hash. Progress is for watching: when Redis is down the run
 * goes on and the article is still written.
 */
@ApplicationScoped
public class ProgressReporter {

    private static final Logger LOG = Logger.getLogger(ProgressReporter.class.getName());

    @Inject
    ProgressStore store;

    public void begin(GenerationRun run) {
        write(run, "processing", new ProgressWrite.Begin(run.attempt(), message(run, Step.initialization)));
    }

    public void enterStep(GenerationRun run, Step step) {
        write(run, "step " + step, new ProgressWrite.EnterStep(run.attempt(), step, message(run, step)));
    }

    public void leaveStep(GenerationRun run, Step step) {
        write(run, "finished " + step, new ProgressWrite.LeaveStep(run.attempt(), step));
    }

    /** Lists the headings and the parts still to write, with those a former run finished marked done. */
    public void outline(GenerationRun run, List<String> headings, Set<Integer> doneSections, int totalImages, Set<Integer> doneImages) {
        write(run, "outlined " + headings.size() + " sections", new ProgressWrite.Outline(run.attempt(), headings,
                parts(headings, headings.size(), doneSections), parts(headings, totalImages, doneImages)));
    }

    public void partDone(GenerationRun run, PartKind part, int index) {
        Step step = part == PartKind.section ? Step.section_generation : Step.image_generation;
        write(run, part + " " + index + " done", new ProgressWrite.PartDone(run.attempt(), part, index, message(run, step)));
    }

    /** Counts one answered model call and the tokens it cost. */
    public void countModelCall(GenerationRun run, TokenUsage usage) {
        writeQuietly(run, new ProgressWrite.Usage(run.attempt(), usage.promptTokens(), usage.completionTokens()));
    }

    /** Shows what the admin should know about the model's answers so far ("asked for 8 headings, got 5"). */
    public void noted(GenerationRun run, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        write(run, "noted " + notes.getLast(), new ProgressWrite.Notes(run.attempt(), List.copyOf(notes)));
    }

    /** Marks a part that could not be had; the run goes on without it. */
    public void partFailed(GenerationRun run, PartKind part, int index, String error) {
        write(run, part + " " + index + " failed: " + error, new ProgressWrite.PartFailed(run.attempt(), part, index, error));
    }

    /** Shows how far a streaming model got with a section, and how its text ends so far. */
    public void sectionWriting(GenerationRun run, int index, int characters, String preview) {
        writeQuietly(run, new ProgressWrite.PartWriting(run.attempt(), PartKind.section, index, characters, preview));
    }

    /** @return what the store did, {@code null} when Redis did not answer */
    public WriteResult complete(GenerationRun run) {
        return write(run, "completed", new ProgressWrite.Complete(run.attempt(), ProgressMessages.completed(run.brief().language())));
    }

    /** @return what the store did, {@code null} when Redis did not answer */
    public WriteResult fail(GenerationRun run, String error) {
        return write(run, "failed: " + error, new ProgressWrite.Fail(run.attempt(), error,
                ProgressMessages.failed(run.brief().language(), error)));
    }

    /** The document as it stands, to learn how a run that was stopped from outside ended; {@code null} when unknown. */
    public ProgressDocument current(GenerationRun run) {
        try {
            return store.find(run.hash()).orElse(null);
        } catch (RedisUnavailableException e) {
            return null;
        }
    }

    private static List<PartProgress> parts(List<String> headings, int count, Set<Integer> done) {
        return IntStream.range(0, count)
                .mapToObj(i -> PartProgress.of(i, headings.get(i), done.contains(i) ? PartStatus.done : PartStatus.pending))
                .toList();
    }

    private static String message(GenerationRun run, Step step) {
        return ProgressMessages.inStep(run.brief().language(), step);
    }

    private WriteResult write(GenerationRun run, String what, ProgressWrite write) {
        WriteResult result = writeQuietly(run, write);
        if (result != null) {
            LOG.info(() -> "AI-PROGRESS [" + run.hash() + "] attempt " + run.attempt() + " " + what + " -> "
                    + result.outcome().name().toLowerCase(Locale.ROOT));
        }
        return result;
    }

    private WriteResult writeQuietly(GenerationRun run, ProgressWrite write) {
        try {
            return store.write(run.hash(), write);
        } catch (RedisUnavailableException e) {
            LOG.log(Level.WARNING, "AI-PROGRESS [{0}] progress not recorded, the generation goes on: {1}",
                    new Object[]{run.hash(), e.getMessage()});
            return null;
        }
    }
}
