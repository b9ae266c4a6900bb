package com.aicontent.generation.control;

import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.generation.entity.GenerationEvent.Kind;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the end of a run is recorded: Redis decides, the database follows. */
class RunOutcomesTest {

    final Testbed bed = new Testbed(new ScriptedModel());

    @AfterEach
    void close() {
        bed.close();
    }

    GenerationRun processing() {
        GenerationRun run = bed.accept("t", 1, 0);
        bed.store.write(run.hash(), new ProgressWrite.Begin(1, "b"));
        return run;
    }

    @Test
    void aRunThatFinishedIsCompletedInRedisAndInTheDatabase() {
        GenerationRun run = processing();
        bed.outcomes.record(run, null);
        assertEquals(ProgressStatus.completed, bed.document(run).status());
        assertEquals(ArticleStatus.completed, bed.article(run).status);
        assertEquals("scripted", bed.article(run).model);
        assertEquals(Kind.COMPLETED, bed.events.getLast().kind());
    }

    @Test
    void aCancelThatBeatTheRunsLastWriteWinsInTheDatabaseToo() {
        GenerationRun run = processing();
        bed.store.write(run.hash(), new ProgressWrite.Cancel(Map.of("en", "c"), "ada"));
        bed.outcomes.record(run, null);
        assertEquals(ProgressStatus.cancelled, bed.document(run).status());
        assertEquals(ArticleStatus.cancelled, bed.article(run).status);
    }

    @Test
    void aRunSupersededByARestartLeavesTheArticleAlone() {
        GenerationRun run = processing();
        bed.store.write(run.hash(), new ProgressWrite.Fail(1, "x", "x"));
        bed.store.write(run.hash(), ProgressWrite.Restart.of(Map.of("en", "r"), "ada"));
        bed.outcomes.record(run, new CompletionException(new ModelCallFailedException("late")));
        assertEquals(2, bed.document(run).attempt());
        assertEquals(ProgressStatus.processing, bed.document(run).status());
        assertEquals(ArticleStatus.processing, bed.article(run).status);
    }

    @Test
    void whenRedisDoesNotAnswerTheRunsOwnEndIsRecorded() {
        GenerationRun run = processing();
        bed.store.down(true);
        bed.outcomes.record(run, new CompletionException(new ModelCallFailedException("the model timed out")));
        assertEquals(ArticleStatus.failed, bed.article(run).status);
        assertEquals("the model timed out", bed.article(run).error);
    }

    @Test
    void aFailureOfOursIsDescribedWithoutItsInternals() {
        GenerationRun run = processing();
        bed.outcomes.record(run, new CompletionException(new IllegalStateException("secret detail")));
        assertEquals("internal error (IllegalStateException); see the server log", bed.document(run).error());
    }

    @Test
    void aCancelledRunWhoseCancelRedisNeverSawLeavesTheDatabaseAsItIs() {
        GenerationRun run = processing();
        run.cancel();
        bed.outcomes.record(run, new CompletionException(new com.aicontent.ai.entity.GenerationCancelledException()));
        assertEquals(ProgressStatus.processing, bed.document(run).status());
        assertEquals(ArticleStatus.processing, bed.article(run).status);
    }
}
