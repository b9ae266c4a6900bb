package com.aicontent.generation.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.language.Language;
import com.aicontent.progress.control.InMemoryProgressStore;
import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.PartProgress;
import com.aicontent.progress.entity.PartStatus;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A section a streaming model writes shows in the document as it grows, at most every two seconds. */
class SectionGrowthTest {

    final InMemoryProgressStore store = new InMemoryProgressStore();
    final ProgressReporter progress = new ProgressReporter();
    final AtomicLong nanos = new AtomicLong();
    SessionHash hash;
    GenerationRun run;

    @BeforeEach
    void aRunningGeneration() {
        progress.store = store;
        hash = SessionHash.random();
        store.write(hash, new ProgressWrite.Create(ProgressDocument.pending(1, hash, "t", Language.en, "Preparing", 2, 0,
                "2026-01-01T00:00:00Z")));
        run = new GenerationRun(hash, 1, 1, new ArticleBrief("t", Language.en, 2, 0));
        progress.begin(run);
        progress.outline(run, List.of("One", "Two"), java.util.Set.of(), 0, java.util.Set.of());
    }

    @Test
    void theFirstPieceShowsAtOnceAndLaterOnesAtMostEveryTwoSeconds() {
        SectionGrowth growth = new SectionGrowth(progress, run, 1, nanos::get);

        growth.accept("Tomatoes");
        assertEquals(new PartProgress(1, "Two", PartStatus.writing, 8, "Tomatoes", null), section(1));

        nanos.addAndGet(SectionGrowth.EVERY.toNanos() - 1);
        growth.accept("Tomatoes love sun");
        assertEquals(8, section(1).characters());

        nanos.addAndGet(1);
        growth.accept("Tomatoes love sun and water");
        assertEquals(new PartProgress(1, "Two", PartStatus.writing, 27, "Tomatoes love sun and water", null), section(1));
        assertEquals(PartStatus.pending, section(0).status());
    }

    @Test
    void aDoneSectionDropsItsPreview() {
        new SectionGrowth(progress, run, 0, nanos::get).accept("Half a section");

        progress.partDone(run, PartKind.section, 0);

        assertEquals(PartProgress.of(0, "One", PartStatus.done), section(0));
    }

    @Test
    void nothingIsShownForACancelledRun() {
        run.cancel();

        new SectionGrowth(progress, run, 0, nanos::get).accept("Late text");

        assertEquals(PartStatus.pending, section(0).status());
    }

    @Test
    void thePreviewIsTheEndOfTheTextFromTheStartOfAWord() {
        String text = "word ".repeat(100) + "the end.";

        String preview = SectionGrowth.preview(text);

        assertTrue(preview.length() <= SectionGrowth.PREVIEW, preview);
        assertTrue(preview.startsWith("word ") && preview.endsWith("the end."), preview);
    }

    private PartProgress section(int index) {
        return store.find(hash).orElseThrow().sections().get(index);
    }
}
