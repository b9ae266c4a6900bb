package com.aicontent.generation.control;

import com.aicontent.ai.entity.TokenUsage;
import com.aicontent.generation.entity.ProgressMessages;
import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.PartProgress;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.ProgressWrite.Span;
import com.aicontent.progress.entity.RedisUnavailableException;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    public void processing(GenerationRun run) {
        write(run, "processing", ProgressWrite.by(run.attempt()).withStatus(ProgressStatus.processing, null)
                .inStep(Step.INITIALIZATION, 0, message(run, Step.INITIALIZATION)));
    }

    public void entered(GenerationRun run, Step step) {
        ProgressWrite write = ProgressWrite.by(run.attempt()).inStep(step, step.startsAt(), message(run, step));
        if (step == Step.SECTION_GENERATION) {
            write = write.withSpan(Span.sections(step));
        } else if (step == Step.IMAGE_GENERATION) {
            write = write.withSpan(Span.images(step));
        }
        write(run, "step " + step.wireName(), write);
    }

    public void finished(GenerationRun run, Step step) {
        write(run, "finished " + step.wireName(), ProgressWrite.by(run.attempt()).inStep(step, step.endsAt(), null));
    }

    /** Lists the headings and the parts still to write, with those a former run finished marked done. */
    public void outlined(GenerationRun run, List<String> headings, Set<Integer> doneSections, int totalImages, Set<Integer> doneImages) {
        List<PartProgress> sections = IntStream.range(0, headings.size())
                .mapToObj(i -> new PartProgress(i, headings.get(i), doneSections.contains(i) ? PartProgress.DONE : PartProgress.PENDING))
                .toList();
        List<PartProgress> images = IntStream.range(0, totalImages)
                .mapToObj(i -> new PartProgress(i, headings.get(i), doneImages.contains(i) ? PartProgress.DONE : PartProgress.PENDING))
                .toList();
        Map<String, Object> fields = new HashMap<>(ProgressWrite.parts(headings, sections, images));
        fields.put("completed_sections", doneSections.size());
        fields.put("completed_images", (int) doneImages.stream().filter(i -> i < totalImages).count());
        write(run, "outlined " + headings.size() + " sections", ProgressWrite.by(run.attempt())
                .inStep(Step.HEADING_GENERATION, Step.HEADING_GENERATION.endsAt(), null).withFields(fields));
    }

    public void sectionDone(GenerationRun run, int index) {
        write(run, "section " + index + " done", ProgressWrite.by(run.attempt())
                .inStep(Step.SECTION_GENERATION, Step.SECTION_GENERATION.startsAt(), message(run, Step.SECTION_GENERATION))
                .withSectionDone(index, Span.sections(Step.SECTION_GENERATION)));
    }

    public void imageDone(GenerationRun run, int index) {
        write(run, "image " + index + " done", ProgressWrite.by(run.attempt())
                .inStep(Step.IMAGE_GENERATION, Step.IMAGE_GENERATION.startsAt(), message(run, Step.IMAGE_GENERATION))
                .withImageDone(index, Span.images(Step.IMAGE_GENERATION)));
    }

    /** Counts one answered model call and the tokens it cost. */
    public void used(GenerationRun run, TokenUsage usage) {
        writeQuietly(run, ProgressWrite.by(run.attempt()).withIncrements(Map.of("model_calls", 1L,
                "prompt_tokens", usage.promptTokens(), "completion_tokens", usage.completionTokens())));
    }

    /** Shows what the admin should know about the model's answers so far ("asked for 8 headings, got 5"). */
    public void noted(GenerationRun run, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        write(run, "noted " + notes.getLast(), ProgressWrite.by(run.attempt()).withFields(Map.of("notes", notes)));
    }

    /** @return what the store did, {@code null} when Redis did not answer */
    public WriteResult completed(GenerationRun run) {
        return write(run, "completed", ProgressWrite.by(run.attempt()).inStep(Step.FAQ_GENERATION, 100,
                ProgressMessages.completed(run.brief().language())).withStatus(ProgressStatus.completed, null));
    }

    /** @return what the store did, {@code null} when Redis did not answer */
    public WriteResult failed(GenerationRun run, String error) {
        return write(run, "failed: " + error, ProgressWrite.by(run.attempt()).withStatus(ProgressStatus.failed, error)
                .withMessage(ProgressMessages.failed(run.brief().language(), error)));
    }

    private String message(GenerationRun run, Step step) {
        return ProgressMessages.inStep(run.brief().language(), step);
    }

    public ProgressDocument parse(String json) {
        return store.parse(json);
    }

    /** The document as it stands, to learn how a run that was stopped from outside ended. */
    public ProgressDocument current(GenerationRun run) {
        try {
            return store.readDocument(run.hash()).orElse(null);
        } catch (RedisUnavailableException e) {
            return null;
        }
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
