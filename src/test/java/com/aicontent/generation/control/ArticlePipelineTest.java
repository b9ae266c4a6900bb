package com.aicontent.generation.control;

import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.generation.entity.GenerationEvent.Kind;
import com.aicontent.progress.entity.PartStatus;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seven steps on the fakes: what a run writes, saves and asks the model, and how it stops. */
class ArticlePipelineTest {

    Testbed bed;

    @AfterEach
    void close() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aRunGoesThroughEveryStepAndCompletesBothTheDocumentAndTheArticle() throws Exception {
        bed = new Testbed(new ScriptedModel());
        GenerationRun run = bed.run("Green tea", 4, 2);

        ProgressDocument doc = bed.document(run);
        assertEquals(ProgressStatus.completed, doc.status());
        assertEquals(100, doc.progress());
        assertEquals(Step.faq_generation, doc.step());
        assertEquals(4, doc.completedSections());
        assertEquals(2, doc.completedImages());
        assertTrue(doc.sections().stream().allMatch(part -> part.status() == PartStatus.done));
        assertEquals(List.of("Heading 0", "Heading 1", "Heading 2", "Heading 3"), doc.headings());
        assertEquals(1 + 4 + 2 + 3, doc.modelCalls(), "headings, sections, images, summary, meta, faq");
        assertEquals(10 * 10, doc.promptTokens());

        var article = bed.article(run);
        assertEquals(ArticleStatus.completed, article.status);
        assertEquals(4, article.sections.size());
        assertEquals(2, article.images.size());
        assertEquals(100, article.promptTokens.get(), "the article counts the same tokens");
        assertEquals(3, article.faq.size());
        assertEquals(List.of(Kind.STARTED, Kind.COMPLETED), bed.kinds());
        assertEquals(Testbed.allSteps(), bed.finishedSteps());
    }

    @Test
    void aRunAsksOnlyForThePartsAFormerRunDidNotSave() throws Exception {
        bed = new Testbed(new ScriptedModel());
        GenerationRun run = bed.accept("Resumed", 4, 4);
        var article = bed.article(run);
        article.headings = List.of("Kept 0", "Kept 1", "Kept 2", "Kept 3");
        article.sections.put(0, "done before");
        article.sections.put(2, "done before");
        article.images.add(1);

        bed.pipeline.start(run).get(20, TimeUnit.SECONDS);

        assertEquals(0, bed.model.calls("headings"));
        assertEquals(2, bed.model.calls("section"));
        assertEquals(3, bed.model.calls("image"));
        assertEquals("done before", article.sections.get(0));
        ProgressDocument doc = bed.document(run);
        assertEquals(ProgressStatus.completed, doc.status());
        assertEquals(4, doc.completedSections());
    }

    @Test
    void anImageWhoseUrlWasRefusedIsLeftOutWithANoteAndTheArticleCompletes() throws Exception {
        bed = new Testbed(new ScriptedModel().failing("refused-image:1"));
        GenerationRun run = bed.run("Hostile image", 3, 2);

        ProgressDocument doc = bed.document(run);
        assertEquals(ProgressStatus.completed, doc.status());
        assertEquals(PartStatus.done, doc.images().get(0).status());
        assertEquals(PartStatus.failed, doc.images().get(1).status());
        assertEquals("the image URL of the scripted model was refused", doc.images().get(1).error());
        assertEquals(1, doc.completedImages());
        assertEquals(List.of("image 2 left out: the image URL of the scripted model was refused"), doc.notes());
        var article = bed.article(run);
        assertEquals(ArticleStatus.completed, article.status);
        assertEquals(1, article.images.size());
        assertEquals(doc.notes(), article.notes);
    }

    @Test
    void aFailingSectionFailsTheRunWithTheModelsMessageAndKeepsWhatWasSaved() throws Exception {
        bed = new Testbed(new ScriptedModel().failing("section:1"));
        GenerationRun run = bed.run("Half", 3, 0);

        ProgressDocument doc = bed.document(run);
        assertEquals(ProgressStatus.failed, doc.status());
        assertEquals("the scripted model refused the section", doc.error());
        assertEquals(0, bed.model.calls("summary"), "nothing after the failed step is asked for");
        var article = bed.article(run);
        assertEquals(ArticleStatus.failed, article.status);
        assertEquals("the scripted model refused the section", article.error);
        assertTrue(article.sections.size() <= 2, "the other sections are kept if they finished");
        assertEquals(List.of(Kind.STARTED, Kind.FAILED), bed.kinds());
    }

    @Test
    void aCancelWrittenByAnotherInstanceAbortsTheCallInFlightAndAsksForNothingMore() throws Exception {
        bed = new Testbed(new ScriptedModel().holding(0));
        GenerationRun run = bed.accept("Cancelled elsewhere", 3, 3);
        CompletableFuture<Void> ended = bed.pipeline.start(run);
        bed.model.awaitHolding();

        bed.store.write(run.hash(), new ProgressWrite.Cancel(Map.of("en", "Cancelled"), "ada"));
        ended.get(20, TimeUnit.SECONDS);

        assertEquals(ProgressStatus.cancelled, bed.document(run).status());
        assertEquals(0, bed.model.calls("image"), "no image was asked for after the cancel");
        assertEquals(0, bed.model.calls("summary"));
        assertTrue(bed.running.all().isEmpty());
        assertEquals(ArticleStatus.cancelled, bed.article(run).status);
    }

    @Test
    void aRestartElsewhereStopsTheFormerRunAndLeavesTheArticleToItsSuccessor() throws Exception {
        bed = new Testbed(new ScriptedModel().holding(1));
        GenerationRun run = bed.accept("Superseded", 2, 0);
        CompletableFuture<Void> ended = bed.pipeline.start(run);
        bed.model.awaitHolding();

        // another instance took the generation for dead, failed it and restarted it as attempt 2
        bed.store.write(run.hash(), new ProgressWrite.Fail(1, "taken for dead", "failed"));
        bed.store.write(run.hash(), ProgressWrite.Restart.of(Map.of("en", "Resuming"), "ada"));
        ended.get(20, TimeUnit.SECONDS);

        ProgressDocument doc = bed.document(run);
        assertEquals(2, doc.attempt());
        assertEquals(ProgressStatus.processing, doc.status(), "the former run's end changed nothing");
        assertEquals(ArticleStatus.processing, bed.article(run).status, "nor did it touch the article");
    }

    @Test
    void whenRedisStopsAnsweringTheRunGoesOnAndTheArticleIsWritten() throws Exception {
        bed = new Testbed(new ScriptedModel().holding(0));
        GenerationRun run = bed.accept("Redis down", 2, 1);
        CompletableFuture<Void> ended = bed.pipeline.start(run);
        bed.model.awaitHolding();

        bed.store.down(true);
        bed.model.letGo();
        ended.get(20, TimeUnit.SECONDS);

        var article = bed.article(run);
        assertEquals(ArticleStatus.completed, article.status);
        assertEquals(2, article.sections.size());
        assertEquals(1, article.images.size());
        bed.store.down(false);
        assertEquals(ProgressStatus.processing, bed.document(run).status(), "what Redis missed stays missed");
    }

    @Test
    void anExecutorThatRefusesTheWorkFailsTheRunSoItCanBeRestarted() throws Exception {
        bed = new Testbed(new ScriptedModel());
        Executor full = task -> { throw new RejectedExecutionException("shutting down"); };
        bed.pipeline.executor = full;
        GenerationRun run = bed.accept("Refused", 1, 0);

        bed.pipeline.start(run).get(5, TimeUnit.SECONDS);

        ProgressDocument doc = bed.document(run);
        assertEquals(ProgressStatus.failed, doc.status());
        assertEquals("the server did not accept the generation's work; restart it later", doc.error());
        assertEquals(0, bed.model.totalCalls());
        assertEquals(ArticleStatus.failed, bed.article(run).status);
    }
}
