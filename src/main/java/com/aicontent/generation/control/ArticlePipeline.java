package com.aicontent.generation.control;

import com.aicontent.ai.control.ContentModel;
import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.ai.entity.GenerationCancelledException;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleDraft;
import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.generation.entity.GenerationEvent;
import com.aicontent.generation.entity.GenerationEvent.Kind;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import com.aicontent.progress.entity.WriteResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Runs a generation through its seven steps on the managed executor: headings, then one task per
 * missing section and per missing image in parallel, then summary, meta and FAQ. Every finished part
 * is saved at once, so a restart resumes from the first unfinished one. The steps are chained as
 * futures, never awaited on a pool thread, so any number of generations share a bounded pool
 * without starving each other.
 */
@ApplicationScoped
public class ArticlePipeline {

    private static final Logger LOG = Logger.getLogger(ArticlePipeline.class.getName());

    @Resource(lookup = GenerationExecutor.NAME)
    ManagedExecutorService executor;

    @Inject
    ContentModel model;

    @Inject
    ArticleStore articles;

    @Inject
    ProgressReporter progress;

    @Inject
    RunningGenerations running;

    @Inject
    Event<GenerationEvent> events;

    @Inject
    ExecutorLoad load;

    @Inject
    @ConfigProperty(name = "AI_FAQ_COUNT", defaultValue = "5")
    int faqCount;

    /** Starts the run in the background; the returned future completes when it has concluded. */
    public CompletableFuture<Void> start(GenerationRun run) {
        running.add(run);
        fire(run, Kind.STARTED, null, Duration.ZERO, null);
        CompletableFuture<ArticleDraft> outlined;
        try {
            outlined = load.supplyAsync(executor, () -> outline(run));
        } catch (RejectedExecutionException e) {
            // the server is shutting down or the executor is saturated: fail it so it can be restarted
            conclude(run, new ModelCallFailedException("the server did not accept the generation's work; restart it later", e));
            return CompletableFuture.completedFuture(null);
        }
        return outlined
                .thenCompose(draft -> fanOut(run, Step.SECTION_GENERATION, missingSections(draft),
                        index -> writeSection(run, draft, index)))
                .thenCompose(draft -> fanOut(run, Step.IMAGE_GENERATION, missingImages(draft),
                        index -> drawImage(run, draft, index)))
                .thenAcceptAsync(draft -> finish(run, draft), load.counting(executor))
                .handle((done, error) -> {
                    conclude(run, error);
                    return null;
                });
    }

    /** Initialization and headings: whatever the sections and images will hang on. */
    private ArticleDraft outline(GenerationRun run) {
        progress.processing(run);
        ArticleDraft draft = draft(run);
        Instant started = Instant.now();
        progress.entered(run, Step.HEADING_GENERATION);
        if (!draft.hasHeadings()) {
            List<String> headings = call(run, () -> model.headings(run.brief(), run));
            articles.saveHeadings(run.articleId(), headings);
            draft = draft(run);
        }
        progress.outlined(run, draft.headings(), draft.sections().keySet(), imageCount(draft), draft.images());
        stepFinished(run, Step.HEADING_GENERATION, started);
        return draft;
    }

    private CompletableFuture<ArticleDraft> fanOut(GenerationRun run, Step step, List<Integer> missing, IntConsumer task) {
        Instant started = Instant.now();
        progress.entered(run, step);
        CompletableFuture<?>[] tasks = missing.stream()
                .map(index -> load.runAsync(executor, () -> task.accept(index)).whenComplete((done, error) -> {
                    if (error != null) {
                        run.fail(describe(error));
                    }
                }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(tasks).thenApply(done -> {
            progress.finished(run, step);
            stepFinished(run, step, started);
            return draft(run);
        });
    }

    private void writeSection(GenerationRun run, ArticleDraft draft, int index) {
        String body = call(run, () -> model.section(run.brief(), draft.headings(), index, run));
        keep(run, () -> articles.saveSection(run.articleId(), index, draft.headings().get(index), body),
                () -> draft(run).sections().containsKey(index));
        progress.sectionDone(run, index);
    }

    private void drawImage(GenerationRun run, ArticleDraft draft, int index) {
        GeneratedImage image = call(run, () -> model.image(run.brief(), draft.headings().get(index), index, run));
        keep(run, () -> articles.saveImage(run.articleId(), index, image), () -> draft(run).images().contains(index));
        progress.imageDone(run, index);
    }

    /**
     * Saves a part; when another run of the generation (one still stopping after a restart) saved
     * the same part first, the unique constraint refuses ours, and the part is kept all the same.
     */
    private static void keep(GenerationRun run, Runnable save, BooleanSupplier alreadyKept) {
        try {
            save.run();
        } catch (RuntimeException e) {
            if (!alreadyKept.getAsBoolean()) {
                throw e;
            }
            LOG.fine(() -> "AI-PROGRESS [" + run.hash() + "] a part was saved by another run first");
        }
    }

    /** Summary, meta and FAQ, each of which needs the whole text. */
    private void finish(GenerationRun run, ArticleDraft draft) {
        String summary = draft.summary();
        Instant started = Instant.now();
        progress.entered(run, Step.SUMMARY_GENERATION);
        if (!draft.hasSummary()) {
            List<String> bodies = IntStream.range(0, draft.headings().size()).mapToObj(draft.sections()::get).toList();
            summary = call(run, () -> model.summary(run.brief(), draft.headings(), bodies, run));
            articles.saveSummary(run.articleId(), summary);
        }
        stepFinished(run, Step.SUMMARY_GENERATION, started);

        String finalSummary = summary;
        started = Instant.now();
        progress.entered(run, Step.META_GENERATION);
        if (!draft.hasMeta()) {
            ArticleMeta meta = call(run, () -> model.meta(run.brief(), finalSummary, run));
            articles.saveMeta(run.articleId(), meta.withinLimits());
        }
        stepFinished(run, Step.META_GENERATION, started);

        started = Instant.now();
        progress.entered(run, Step.FAQ_GENERATION);
        if (!draft.hasFaq()) {
            List<FaqEntry> faq = call(run, () -> model.faq(run.brief(), finalSummary, faqCount, run));
            articles.saveFaq(run.articleId(), faq);
        }
        stepFinished(run, Step.FAQ_GENERATION, started);
    }

    /** One model call: only if the generation is still wanted, and counted when it answers. */
    private <T> T call(GenerationRun run, Supplier<Answer<T>> modelCall) {
        run.throwIfCancelled();
        running.checkStillWanted(run);
        run.throwIfCancelled();
        Answer<T> answer = modelCall.get();
        articles.addUsage(run.articleId(), answer.usage());
        progress.used(run, answer.usage());
        if (!answer.notes().isEmpty()) {
            progress.noted(run, articles.addNotes(run.articleId(), answer.notes()));
        }
        run.throwIfCancelled();
        return answer.value();
    }

    /**
     * Records how the run ended: progress first (what admins watch, and the arbiter of races), then
     * the article. The database follows what Redis decided: a cancel that beat the last write wins,
     * and a run superseded by a restart (on any instance) leaves the article to its successor.
     */
    private void conclude(GenerationRun run, Throwable error) {
        running.remove(run);
        Duration took = run.age();
        if (error == null) {
            settle(run, progress.completed(run), ArticleStatus.completed, null, took);
        } else if (run.cancelledByRequest()) {
            LOG.info(() -> "AI-PROGRESS [" + run.hash() + "] attempt " + run.attempt() + " stopped after cancel");
            ProgressDocument doc = progress.current(run);
            if (doc != null && doc.attempt() == run.attempt() && doc.statusValue().isTerminal()) {
                settle(run, doc.status(), doc.error(), took);
            }
        } else {
            String message = run.failure() != null ? run.failure() : describe(error);
            run.fail(message);
            Throwable cause = unwrap(error);
            LOG.log(Level.WARNING, "AI-PROGRESS [" + run.hash() + "] attempt " + run.attempt() + " failed: " + message,
                    cause instanceof ModelCallFailedException || cause instanceof GenerationCancelledException ? null : cause);
            settle(run, progress.failed(run, message), ArticleStatus.failed, message, took);
        }
    }

    /** After the run's own final write: {@code null} when Redis did not answer, then the run decides. */
    private void settle(GenerationRun run, WriteResult result, ArticleStatus wanted, String error, Duration took) {
        if (result == null || result.outcome() == WriteOutcome.APPLIED || result.outcome() == WriteOutcome.MISSING) {
            settle(run, wanted.name(), error, took);
            return;
        }
        ProgressDocument doc = progress.parse(result.document());
        if (doc.attempt() == run.attempt()) {
            settle(run, doc.status(), doc.error(), took);
        }
    }

    private void settle(GenerationRun run, String status, String error, Duration took) {
        ArticleStatus outcome = ArticleStatus.valueOf(status);
        try {
            articles.status(run.articleId(), outcome, error, outcome == ArticleStatus.completed ? model.modelName() : null);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "AI-PROGRESS [" + run.hash() + "] could not record the end of the run in the database", e);
        }
        Kind kind = switch (outcome) {
            case completed -> Kind.COMPLETED;
            case cancelled -> Kind.CANCELLED;
            default -> Kind.FAILED;
        };
        fire(run, kind, null, took, kind == Kind.FAILED ? error : null);
    }

    /** A message an admin can act on; internals stay in the log. */
    private static String describe(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ModelCallFailedException) {
            return cause.getMessage();
        }
        if (cause instanceof GenerationCancelledException) {
            return "stopped because another part failed";
        }
        return "internal error (" + cause.getClass().getSimpleName() + "); see the server log";
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private ArticleDraft draft(GenerationRun run) {
        return articles.draft(run.articleId()).orElseThrow(() -> new IllegalStateException("article " + run.articleId() + " is gone"));
    }

    private static List<Integer> missingSections(ArticleDraft draft) {
        return IntStream.range(0, draft.headings().size()).filter(i -> !draft.sections().containsKey(i)).boxed().toList();
    }

    private static List<Integer> missingImages(ArticleDraft draft) {
        return IntStream.range(0, imageCount(draft)).filter(i -> !draft.images().contains(i)).boxed().toList();
    }

    /** One image per section, up to the number asked for. */
    private static int imageCount(ArticleDraft draft) {
        return Math.min(draft.brief().images(), draft.headings().size());
    }

    private void stepFinished(GenerationRun run, Step step, Instant started) {
        Duration took = Duration.between(started, Instant.now());
        LOG.info(() -> "AI-PROGRESS [" + run.hash() + "] step " + step.wireName() + " took " + took.toMillis() + " ms");
        fire(run, Kind.STEP_FINISHED, step.wireName(), took, null);
    }

    private void fire(GenerationRun run, Kind kind, String step, Duration duration, String message) {
        try {
            events.fire(new GenerationEvent(run.hash().value(), run.articleId(), kind, step, duration, message));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of generation events failed", e);
        }
    }
}
