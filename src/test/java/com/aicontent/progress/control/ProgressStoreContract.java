package com.aicontent.progress.control;

import com.aicontent.language.Language;
import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.PartProgress;
import com.aicontent.progress.entity.PartStatus;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules every progress store keeps, whatever holds the documents: the Redis store
 * ({@link RedisProgressStoreIT}) and the fake the generation package's unit tests run on
 * ({@link InMemoryProgressStoreTest}) both pass it.
 */
abstract class ProgressStoreContract {

    static final Map<String, String> CANCELLED = Map.of("en", "Cancelled", "fa", "لغو شد");
    static final Map<String, String> RESUMING = Map.of("en", "Resuming", "fa", "ادامه");
    static final Map<String, String> ABANDONED = Map.of("error", "gone", "en", "Gone", "fa", "رفت");

    /** The store under test. */
    abstract ProgressStore store();

    /** Another instance's view of the same documents, whose leases last {@code lease}. */
    abstract ProgressStore storeWithLease(Duration lease);

    SessionHash aGeneration(int sections, int images) {
        SessionHash hash = SessionHash.random();
        assertEquals(WriteOutcome.CREATED, store().write(hash, new ProgressWrite.Create(ProgressDocument.pending(42, hash,
                "title", Language.en, "Preparing", sections, images, "2026-01-01T00:00:00Z"))).outcome());
        return hash;
    }

    SessionHash aRunningGeneration(int sections, int images) {
        SessionHash hash = aGeneration(sections, images);
        store().write(hash, new ProgressWrite.Begin(1, "Preparing"));
        List<String> headings = IntStream.range(0, sections).mapToObj(i -> "heading " + i).toList();
        store().write(hash, new ProgressWrite.Outline(1, headings, parts(headings, sections, Set.of()), parts(headings, images, Set.of())));
        return hash;
    }

    static List<PartProgress> parts(List<String> headings, int count, Set<Integer> done) {
        return IntStream.range(0, count)
                .mapToObj(i -> PartProgress.of(i, headings.get(i), done.contains(i) ? PartStatus.done : PartStatus.pending))
                .toList();
    }

    ProgressDocument read(SessionHash hash) {
        return store().find(hash).orElseThrow();
    }

    @Test
    void aNewDocumentIsPendingInTheFirstStepWithVersionOne() {
        ProgressDocument doc = read(aGeneration(3, 2));
        assertEquals(ProgressStatus.pending, doc.status());
        assertEquals(Step.initialization, doc.step());
        assertEquals(1, doc.version());
        assertEquals(3, doc.totalSections());
        assertEquals(2, doc.totalImages());
        assertNotNull(doc.updatedAt());
    }

    @Test
    void aSecondCreateUnderTheSameHashChangesNothing() {
        SessionHash hash = aGeneration(1, 0);
        var again = store().write(hash, new ProgressWrite.Create(ProgressDocument.pending(43, hash, "other", Language.fa,
                "x", 5, 5, "2026-01-01T00:00:00Z")));
        assertEquals(WriteOutcome.EXISTS, again.outcome());
        assertEquals(42, read(hash).aiContentId());
    }

    @Test
    void aSectionBeingWrittenShowsItsLengthAndPreviewUntilItIsDoneAndMovesNothingElse() {
        SessionHash hash = aRunningGeneration(2, 0);
        store().write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "({done}/{total})"));
        int progress = read(hash).progress();

        store().write(hash, new ProgressWrite.PartWriting(1, PartKind.section, 1, 1234, "…the end so far"));

        ProgressDocument writing = read(hash);
        assertEquals(new PartProgress(1, "heading 1", PartStatus.writing, 1234, "…the end so far", null), writing.sections().get(1));
        assertEquals(PartStatus.pending, writing.sections().get(0).status());
        assertEquals(0, writing.completedSections());
        assertEquals(progress, writing.progress());

        store().write(hash, new ProgressWrite.PartDone(1, PartKind.section, 1, "({done}/{total})"));
        store().write(hash, new ProgressWrite.PartWriting(1, PartKind.section, 1, 2000, "late"));

        assertEquals(PartProgress.of(1, "heading 1", PartStatus.done), read(hash).sections().get(1));
        assertEquals(1, read(hash).completedSections());
    }

    @Test
    void anImageThatCouldNotBeHadIsMarkedFailedWithItsReasonAndCountsAsNotDone() {
        SessionHash hash = aRunningGeneration(2, 2);
        store().write(hash, new ProgressWrite.PartDone(1, PartKind.image, 1, "({done}/{total})"));

        store().write(hash, new ProgressWrite.PartFailed(1, PartKind.image, 0, "The image URL ... was not fetched"));
        store().write(hash, new ProgressWrite.PartFailed(1, PartKind.image, 1, "too late"));

        ProgressDocument doc = read(hash);
        assertEquals(new PartProgress(0, "heading 0", PartStatus.failed, null, null, "The image URL ... was not fetched"),
                doc.images().get(0));
        assertEquals(PartStatus.done, doc.images().get(1).status());
        assertEquals(1, doc.completedImages());
    }

    @Test
    void notesAreShownAsTheRunLastListedThem() {
        SessionHash hash = aRunningGeneration(1, 0);
        assertEquals(null, read(hash).notes());

        store().write(hash, new ProgressWrite.Notes(1, List.of("asked for 8 headings, got 5")));
        store().write(hash, new ProgressWrite.Notes(1, List.of("asked for 8 headings, got 5", "the faq was cut")));

        assertEquals(List.of("asked for 8 headings, got 5", "the faq was cut"), read(hash).notes());
        store().write(hash, new ProgressWrite.Notes(2, List.of("an older attempt's")));
        assertEquals(2, read(hash).notes().size());
    }

    @Test
    void concurrentCountsOfModelCallsLoseNothing() throws Exception {
        SessionHash hash = aRunningGeneration(4, 0);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            done.add(threads.submit(() -> IntStream.range(0, 250).forEach(i ->
                    store().write(hash, new ProgressWrite.Usage(1, 1, 2)))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        ProgressDocument doc = read(hash);
        assertEquals(4000, doc.modelCalls());
        assertEquals(4000, doc.promptTokens());
        assertEquals(8000, doc.completionTokens());
    }

    @Test
    void sectionsFinishingAtTheSameMomentAreAllCountedAndMoveTheBarToTheStepsEnd() throws Exception {
        int sections = 20;
        SessionHash hash = aRunningGeneration(sections, 0);
        store().write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "({done}/{total})"));
        ExecutorService threads = Executors.newFixedThreadPool(sections);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            int index = i;
            done.add(threads.submit(() -> store().write(hash, new ProgressWrite.PartDone(1, PartKind.section, index, "({done}/{total})"))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        ProgressDocument doc = read(hash);
        assertEquals(sections, doc.completedSections());
        assertEquals(48, doc.progress());
        assertEquals("(20/20)", doc.currentMessage());
        assertTrue(doc.sections().stream().allMatch(part -> part.status() == PartStatus.done));
    }

    @Test
    void theBarFollowsThePartsDoneWithinTheirStep() {
        SessionHash hash = aRunningGeneration(4, 0);
        store().write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "s"));
        assertEquals(32, read(hash).progress());
        store().write(hash, new ProgressWrite.PartDone(1, PartKind.section, 2, "({done}/{total})"));
        ProgressDocument doc = read(hash);
        assertEquals(36, doc.progress(), "32 + 16 * 1/4");
        assertEquals("(1/4)", doc.currentMessage());
        assertEquals(1, doc.completedSections());
    }

    @Test
    void anOutlineCountsThePartsAFormerRunFinished() {
        SessionHash hash = aGeneration(3, 2);
        store().write(hash, new ProgressWrite.Begin(1, "Preparing"));
        List<String> headings = List.of("a", "b", "c");
        store().write(hash, new ProgressWrite.Outline(1, headings, parts(headings, 3, Set.of(0, 2)), parts(headings, 2, Set.of(1))));
        ProgressDocument doc = read(hash);
        assertEquals(headings, doc.headings());
        assertEquals(2, doc.completedSections());
        assertEquals(3, doc.totalSections());
        assertEquals(1, doc.completedImages());
        assertEquals(2, doc.totalImages());
        assertEquals(Step.heading_generation, doc.step());
        assertEquals(16, doc.progress());
    }

    @Test
    void aWriteAfterATerminalStatusIsIgnored() {
        SessionHash hash = aRunningGeneration(2, 0);
        store().write(hash, new ProgressWrite.Complete(1, "done"));
        var late = store().write(hash, new ProgressWrite.Fail(1, "boom", "late"));
        assertEquals(WriteOutcome.IGNORED, late.outcome());
        ProgressDocument doc = read(hash);
        assertEquals(ProgressStatus.completed, doc.status());
        assertTrue(doc.isCompleted());
        assertFalse(doc.isFailed());
        assertEquals(100, doc.progress());
        assertEquals(Step.faq_generation, doc.step());
    }

    @Test
    void aFailureKeepsItsErrorAndMessage() {
        SessionHash hash = aRunningGeneration(2, 0);
        store().write(hash, new ProgressWrite.Fail(1, "the model said no", "Generation failed: the model said no"));
        ProgressDocument doc = read(hash);
        assertEquals(ProgressStatus.failed, doc.status());
        assertTrue(doc.isFailed());
        assertEquals("the model said no", doc.error());
        assertEquals("Generation failed: the model said no", doc.currentMessage());
    }

    @Test
    void aCancelledGenerationStaysCancelled() {
        SessionHash hash = aRunningGeneration(2, 0);
        assertEquals(WriteOutcome.APPLIED, store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada")).outcome());
        assertEquals(WriteOutcome.UNCHANGED, store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada")).outcome());
        assertEquals(WriteOutcome.IGNORED, store().write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "still")).outcome());
        ProgressDocument doc = read(hash);
        assertEquals(ProgressStatus.cancelled, doc.status());
        assertEquals("Cancelled", doc.currentMessage(), "in the generation's language");
    }

    @Test
    void progressNeverDecreasesAndTheStepNeverMovesBack() {
        SessionHash hash = aRunningGeneration(2, 1);
        store().write(hash, new ProgressWrite.EnterStep(1, Step.image_generation, "images"));
        store().write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "late section"));
        store().write(hash, new ProgressWrite.LeaveStep(1, Step.heading_generation));
        ProgressDocument doc = read(hash);
        assertEquals(48, doc.progress());
        assertEquals(Step.image_generation, doc.step());
        assertEquals("images", doc.currentMessage());
    }

    @Test
    void aPartFinishedAfterItsStepWasLeftIsCountedWithoutMovingTheBarOrTheMessage() {
        SessionHash hash = aRunningGeneration(2, 2);
        store().write(hash, new ProgressWrite.EnterStep(1, Step.image_generation, "images"));
        store().write(hash, new ProgressWrite.PartDone(1, PartKind.section, 1, "({done}/{total}) sections"));
        ProgressDocument doc = read(hash);
        assertEquals(1, doc.completedSections());
        assertEquals("images", doc.currentMessage());
        assertEquals(Step.image_generation, doc.step());
        assertEquals(48, doc.progress());
    }

    @Test
    void aRestartedGenerationIgnoresWritesOfItsFormerRun() {
        SessionHash hash = aRunningGeneration(2, 0);
        store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada"));
        assertEquals(WriteOutcome.APPLIED, store().write(hash, ProgressWrite.Restart.of(RESUMING, "ada")).outcome());
        assertEquals(WriteOutcome.IGNORED, store().write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "old run")).outcome());
        assertEquals(WriteOutcome.APPLIED, store().write(hash, new ProgressWrite.EnterStep(2, Step.section_generation, "new run")).outcome());
        ProgressDocument doc = read(hash);
        assertEquals(2, doc.attempt());
        assertEquals(ProgressStatus.processing, doc.status());
        assertEquals("new run", doc.currentMessage());
    }

    @Test
    void onlyAFailedOrCancelledGenerationRestartsAndOnlyAnUnfinishedOneCancels() {
        SessionHash hash = aRunningGeneration(2, 0);
        assertEquals(WriteOutcome.CONFLICT, store().write(hash, ProgressWrite.Restart.of(RESUMING, "ada")).outcome());
        store().write(hash, new ProgressWrite.Complete(1, "done"));
        assertEquals(WriteOutcome.CONFLICT, store().write(hash, ProgressWrite.Restart.of(RESUMING, "ada")).outcome());
        assertEquals(WriteOutcome.CONFLICT, store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada")).outcome());
    }

    @Test
    void aRestartSentTwiceAfterALostAnswerIsAppliedOnceAndAnsweredAlike() {
        SessionHash hash = aRunningGeneration(1, 0);
        store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada"));
        ProgressWrite restart = ProgressWrite.Restart.of(RESUMING, "ada");
        assertEquals(WriteOutcome.APPLIED, store().write(hash, restart).outcome());
        assertEquals(WriteOutcome.APPLIED, store().write(hash, restart).outcome(), "the same request again");
        assertEquals(2, read(hash).attempt(), "applied once");
        assertEquals(WriteOutcome.CONFLICT, store().write(hash, ProgressWrite.Restart.of(RESUMING, "ada")).outcome(),
                "another restart of a running generation is refused");
    }

    @Test
    void whoStartedCancelledAndRestartedIsKept() {
        SessionHash hash = SessionHash.random();
        store().write(hash, new ProgressWrite.Create(ProgressDocument.pending(42, hash, "t", Language.en, "p", 1, 0,
                "2026-01-01T00:00:00Z", "eddie")));
        store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada"));
        store().write(hash, ProgressWrite.Restart.of(RESUMING, "erin"));
        ProgressDocument doc = read(hash);
        assertEquals("eddie", doc.startedBy());
        assertEquals("ada", doc.cancelledBy());
        assertEquals("erin", doc.restartedBy());
    }

    @Test
    void writesToAnUnknownGenerationCreateNothing() {
        SessionHash hash = SessionHash.random();
        assertEquals(WriteOutcome.MISSING, store().write(hash, new ProgressWrite.EnterStep(1, Step.heading_generation, "h")).outcome());
        assertEquals(WriteOutcome.MISSING, store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada")).outcome());
        assertTrue(store().find(hash).isEmpty());
    }

    @Test
    void aGenerationWhoseLeaseRanOutIsFailedAndLeftRestartable() {
        SessionHash hash = aRunningGeneration(1, 0);
        ProgressStore expiring = storeWithLease(Duration.ZERO);
        expiring.write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "s"));
        List<ProgressDocument> reaped = expiring.reapStalled(ABANDONED);
        assertTrue(reaped.stream().anyMatch(doc -> doc.hash().equals(hash)), "reaped: " + reaped);
        ProgressDocument doc = read(hash);
        assertEquals(ProgressStatus.failed, doc.status());
        assertEquals("gone", doc.error());
        assertEquals("Gone", doc.currentMessage());
        assertEquals(WriteOutcome.APPLIED, store().write(hash, ProgressWrite.Restart.of(RESUMING, "ada")).outcome());
    }

    @Test
    void aRenewedLeaseKeepsItsGenerationFromTheReaper() {
        SessionHash hash = aRunningGeneration(1, 0);
        store().renewLeases(List.of(hash));
        storeWithLease(Duration.ZERO).reapStalled(ABANDONED);
        assertEquals(ProgressStatus.processing, read(hash).status());
    }

    @Test
    void aFinishedGenerationIsNeverReaped() {
        SessionHash hash = aRunningGeneration(1, 0);
        ProgressStore expiring = storeWithLease(Duration.ZERO);
        expiring.write(hash, new ProgressWrite.Complete(1, "done"));
        expiring.renewLeases(List.of(hash));
        expiring.reapStalled(ABANDONED);
        assertEquals(ProgressStatus.completed, read(hash).status());
    }

    @Test
    void followersGetTheDocumentsOfTheGenerationsTheyWantAndNoOthers() throws Exception {
        SessionHash wanted = aRunningGeneration(1, 0);
        SessionHash other = aRunningGeneration(1, 0);
        BlockingQueue<ProgressDocument> seen = new LinkedBlockingQueue<>();
        try (AutoCloseable following = store().follow(Thread.ofVirtual().factory(), wanted::equals, seen::add)) {
            ProgressDocument first = null;
            for (int i = 0; i < 50 && first == null; i++) { // the subscription may take a moment to start
                store().write(other, new ProgressWrite.Usage(1, 1, 1));
                store().write(wanted, new ProgressWrite.Usage(1, 1, 1));
                first = seen.poll(100, TimeUnit.MILLISECONDS);
            }
            assertNotNull(first, "an update of the wanted generation arrived");
            assertEquals(wanted, first.hash());
            store().write(wanted, new ProgressWrite.Cancel(CANCELLED, "ada"));
            ProgressDocument last = first;
            while (last.status() != ProgressStatus.cancelled) {
                last = seen.poll(5, TimeUnit.SECONDS);
                assertNotNull(last, "the cancel arrived");
                assertEquals(wanted, last.hash());
            }
        }
    }
}
