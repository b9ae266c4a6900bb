package com.aicontent.generation.control;

import com.aicontent.ai.control.ContentModel;
import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.ai.entity.ImageRefusedException;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleDraft;
import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.Step;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
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
    Executor executor;

    @Inject
    ContentModel model;

    @Inject
    ArticleStore articles;

    @Inject
    ProgressReporter progress;

    @Inject
    RunningGenerations running;

    @Inject
    RunOutcomes outcomes;

    @Inject
    RunEvents events;

    @Inject
    ExecutorLoad load;

    @Inject
    @ConfigProperty(name = "AI_FAQ_COUNT", defaultValue = "5")
    int faqCount;

    /** Starts the run in the background; the returned future completes when its end is recorded. */
    public CompletableFuture<Void> start(GenerationRun run) {
        running.add(run);
        events.started(run);
        CompletableFuture<ArticleDraft> outlined;
        try {
            outlined = load.supplyAsync(executor, () -> outline(run));
        } catch (RejectedExecutionException e) {
            // the server is shutting down or the executor is saturated: fail it so it can be restarted
            end(run, new ModelCallFailedException("the server did not accept the generation's work; restart it later", e));
            return CompletableFuture.completedFuture(null);
        }
        return outlined
                .thenCompose(draft -> inParallel(run, Step.section_generation, missingSections(draft),
                        index -> writeSection(run, draft, index)))
                .thenCompose(draft -> inParallel(run, Step.image_generation, missingImages(draft),
                        index -> drawImage(run, draft, index)))
                .thenAcceptAsync(draft -> finish(run, draft), load.counting(executor))
                .handle((done, error) -> {
                    end(run, error);
                    return null;
                });
    }

    private void end(GenerationRun run, Throwable error) {
        running.remove(run);
        outcomes.record(run, error);
    }

    /** Initialization and headings: whatever the sections and images will hang on. */
    private ArticleDraft outline(GenerationRun run) {
        progress.begin(run);
        ArticleDraft draft = draft(run);
        Instant started = Instant.now();
        progress.enterStep(run, Step.heading_generation);
        if (!draft.hasHeadings()) {
            List<String> headings = askModel(run, () -> model.headings(run.brief(), run));
            articles.saveHeadings(run.articleId(), headings);
            draft = draft(run);
        }
        progress.outline(run, draft.headings(), draft.sections().keySet(), imageCount(draft), draft.images());
        events.stepFinished(run, Step.heading_generation, started);
        return draft;
    }

    private CompletableFuture<ArticleDraft> inParallel(GenerationRun run, Step step, List<Integer> missing, IntConsumer task) {
        Instant started = Instant.now();
        progress.enterStep(run, step);
        CompletableFuture<?>[] tasks = missing.stream()
                .map(index -> load.runAsync(executor, () -> task.accept(index)).whenComplete((done, error) -> {
                    if (error != null) {
                        run.fail(RunOutcomes.describe(error));
                    }
                }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(tasks).thenApply(done -> {
            progress.leaveStep(run, step);
            events.stepFinished(run, step, started);
            return draft(run);
        });
    }

    private void writeSection(GenerationRun run, ArticleDraft draft, int index) {
        SectionGrowth growth = new SectionGrowth(progress, run, index);
        String body = askModel(run, () -> model.section(run.brief(), draft.headings(), index, growth, run));
        saveOnce(run, () -> articles.saveSection(run.articleId(), index, draft.headings().get(index), body),
                () -> draft(run).sections().containsKey(index));
        progress.partDone(run, PartKind.section, index);
    }

    /** Draws one image; one whose URL the client refused is left out, with a note, and the article goes on. */
    private void drawImage(GenerationRun run, ArticleDraft draft, int index) {
        GeneratedImage image;
        try {
            image = askModel(run, () -> model.image(run.brief(), draft.headings().get(index), index, run));
        } catch (ImageRefusedException refused) {
            LOG.warning(() -> "AI-PROGRESS [" + run.hash() + "] image " + index + " left out: " + refused.getMessage());
            progress.partFailed(run, PartKind.image, index, refused.getMessage());
            progress.noted(run, articles.addNotes(run.articleId(), List.of("image %d left out: %s".formatted(index + 1, refused.getMessage()))));
            return;
        }
        saveOnce(run, () -> articles.saveImage(run.articleId(), index, image), () -> draft(run).images().contains(index));
        progress.partDone(run, PartKind.image, index);
    }

    /**
     * Saves a part; when another run of the generation (one still stopping after a restart) saved
     * the same part first, the unique constraint refuses ours, and the part is kept all the same.
     */
    private static void saveOnce(GenerationRun run, Runnable save, BooleanSupplier savedAlready) {
        try {
            save.run();
        } catch (RuntimeException e) {
            if (!savedAlready.getAsBoolean()) {
                throw e;
            }
            LOG.fine(() -> "AI-PROGRESS [" + run.hash() + "] a part was saved by another run first");
        }
    }

    /** Summary, meta and FAQ, each of which needs the whole text. */
    private void finish(GenerationRun run, ArticleDraft draft) {
        String summary = draft.summary();
        Instant started = Instant.now();
        progress.enterStep(run, Step.summary_generation);
        if (!draft.hasSummary()) {
            List<String> bodies = IntStream.range(0, draft.headings().size()).mapToObj(draft.sections()::get).toList();
            summary = askModel(run, () -> model.summary(run.brief(), draft.headings(), bodies, run));
            articles.saveSummary(run.articleId(), summary);
        }
        events.stepFinished(run, Step.summary_generation, started);

        String finalSummary = summary;
        started = Instant.now();
        progress.enterStep(run, Step.meta_generation);
        if (!draft.hasMeta()) {
            ArticleMeta meta = askModel(run, () -> model.meta(run.brief(), finalSummary, run));
            articles.saveMeta(run.articleId(), meta.withinLimits());
        }
        events.stepFinished(run, Step.meta_generation, started);

        started = Instant.now();
        progress.enterStep(run, Step.faq_generation);
        if (!draft.hasFaq()) {
            List<FaqEntry> faq = askModel(run, () -> model.faq(run.brief(), finalSummary, faqCount, run));
            articles.saveFaq(run.articleId(), faq);
        }
        events.stepFinished(run, Step.faq_generation, started);
    }

    /** One model call: only if the generation is still wanted, and its tokens counted when it answers. */
    private <T> T askModel(GenerationRun run, Supplier<Answer<T>> modelCall) {
        run.throwIfCancelled();
        running.checkStillWanted(run);
        run.throwIfCancelled();
        Answer<T> answer = modelCall.get();
        articles.addUsage(run.articleId(), answer.usage());
        progress.countModelCall(run, answer.usage());
        if (!answer.notes().isEmpty()) {
            progress.noted(run, articles.addNotes(run.articleId(), answer.notes()));
        }
        run.throwIfCancelled();
        return answer.value();
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
        return Math.min(draft.order().images(), draft.headings().size());
    }
}
