package com.aicontent.progress.control;

import com.aicontent.IntegrationTestIsolation;
import com.aicontent.progress.entity.PartProgress;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.ProgressWrite.Span;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's rules, checked against the real Redis at REDIS_URL (127.0.0.1:6379 by default). */
class ProgressStoreIT {

    static ProgressStore store;

    @BeforeAll
    static void connect() {
        store = ProgressStore.connect(IntegrationTestIsolation.redisUrl(), 3600);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static SessionHash aGeneration(int sections, int images) {
        SessionHash hash = SessionHash.random();
        store.create(ProgressDocument.pending(42, hash, "title", "en", "Preparing", sections, images, "2026-01-01T00:00:00Z"));
        return hash;
    }

    static ProgressDocument read(SessionHash hash) {
        return store.readDocument(hash).orElseThrow();
    }

    @Test
    void sixteenThreadsIncrementingAThousandTimesEachLoseNothing() throws Exception {
        SessionHash hash = aGeneration(4, 0);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            done.add(threads.submit(() -> IntStream.range(0, 1000).forEach(i ->
                    store.write(hash, ProgressWrite.by(1).withIncrements(Map.of("prompt_tokens", 1L))))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        ProgressDocument doc = read(hash);
        assertEquals(16_000, doc.promptTokens());
        assertEquals(16_001, doc.version(), "one version per write, the creation included");
    }

    @Test
    void sectionsFinishingAtTheSameMomentAreAllCounted() throws Exception {
        int sections = 20;
        SessionHash hash = aGeneration(sections, 0);
        List<PartProgress> parts = IntStream.range(0, sections).mapToObj(i -> new PartProgress(i, "h" + i, PartProgress.PENDING)).toList();
        store.write(hash, ProgressWrite.by(1).inStep(Step.SECTION_GENERATION, 32, "sections")
                .withFields(ProgressWrite.parts(parts.stream().map(PartProgress::heading).toList(), parts, List.of())));
        ExecutorService threads = Executors.newFixedThreadPool(sections);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            int index = i;
            done.add(threads.submit(() -> store.write(hash, ProgressWrite.by(1)
                    .inStep(Step.SECTION_GENERATION, 32, "({done}/{total})")
                    .withSectionDone(index, Span.sections(Step.SECTION_GENERATION)))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        ProgressDocument doc = read(hash);
        assertEquals(sections, doc.completedSections());
        assertEquals(48, doc.progress());
        assertEquals("(20/20)", doc.currentMessage());
        assertTrue(doc.sections().stream().allMatch(PartProgress::isDone));
    }

    @Test
    void aWriteAfterATerminalStatusIsIgnored() {
        SessionHash hash = aGeneration(2, 0);
        store.write(hash, ProgressWrite.by(1).inStep(Step.FAQ_GENERATION, 85, "faq").withStatus(ProgressStatus.completed, null));
        var late = store.write(hash, ProgressWrite.by(1).inStep(Step.FAQ_GENERATION, 90, "late").withStatus(ProgressStatus.failed, "boom"));
        assertEquals(WriteOutcome.IGNORED, late.outcome());
        ProgressDocument doc = read(hash);
        assertEquals("completed", doc.status());
        assertTrue(doc.isCompleted());
        assertFalse(doc.isFailed());
        assertEquals(100, doc.progress());
    }

    @Test
    void aCancelledGenerationStaysCancelled() {
        SessionHash hash = aGeneration(2, 0);
        assertEquals(WriteOutcome.APPLIED, store.write(hash, ProgressWrite.cancel(Map.of("en", "Cancelled"))).outcome());
        assertEquals(WriteOutcome.UNCHANGED, store.write(hash, ProgressWrite.cancel(Map.of("en", "Cancelled"))).outcome());
        assertEquals(WriteOutcome.IGNORED, store.write(hash, ProgressWrite.by(1)
                .inStep(Step.SECTION_GENERATION, 40, "still running").withStatus(ProgressStatus.processing, null)).outcome());
        ProgressDocument doc = read(hash);
        assertEquals("cancelled", doc.status());
        assertEquals("Cancelled", doc.currentMessage());
    }

    @Test
    void progressNeverDecreasesAndTheStepNeverMovesBack() {
        SessionHash hash = aGeneration(2, 0);
        store.write(hash, ProgressWrite.by(1).inStep(Step.IMAGE_GENERATION, 50, "images"));
        store.write(hash, ProgressWrite.by(1).inStep(Step.SECTION_GENERATION, 40, "late section"));
        store.write(hash, ProgressWrite.by(1).inStep(Step.IMAGE_GENERATION, 49, "lower"));
        ProgressDocument doc = read(hash);
        assertEquals(50, doc.progress());
        assertEquals("image_generation", doc.step());
        assertEquals("lower", doc.currentMessage(), "a message of the current step still shows");
    }

    @Test
    void aRestartedGenerationIgnoresWritesOfItsFormerRun() {
        SessionHash hash = aGeneration(2, 0);
        store.write(hash, ProgressWrite.cancel(Map.of("en", "Cancelled")));
        var restarted = store.write(hash, ProgressWrite.restart(Map.of("en", "Resuming")));
        assertEquals(WriteOutcome.APPLIED, restarted.outcome());
        assertEquals(WriteOutcome.IGNORED, store.write(hash, ProgressWrite.by(1).inStep(Step.HEADING_GENERATION, 16, "old run")).outcome());
        assertEquals(WriteOutcome.APPLIED, store.write(hash, ProgressWrite.by(2).inStep(Step.HEADING_GENERATION, 16, "new run")).outcome());
        ProgressDocument doc = read(hash);
        assertEquals(2, doc.attempt());
        assertEquals("processing", doc.status());
        assertEquals("new run", doc.currentMessage());
    }

    @Test
    void onlyAFailedOrCancelledGenerationRestarts() {
        SessionHash hash = aGeneration(2, 0);
        assertEquals(WriteOutcome.CONFLICT, store.write(hash, ProgressWrite.restart(Map.of("en", "Resuming"))).outcome());
        store.write(hash, ProgressWrite.by(1).withStatus(ProgressStatus.completed, null));
        assertEquals(WriteOutcome.CONFLICT, store.write(hash, ProgressWrite.restart(Map.of("en", "Resuming"))).outcome());
        assertEquals(WriteOutcome.CONFLICT, store.write(hash, ProgressWrite.cancel(Map.of("en", "Cancelled"))).outcome());
    }

    @Test
    void everyWriteRenewsTheTimeToLive() {
        SessionHash hash = SessionHash.random();
        try (ShortLived shortLived = new ShortLived()) {
            shortLived.store.create(ProgressDocument.pending(42, hash, "title", "en", "Preparing", 1, 0, "2026-01-01T00:00:00Z"));
        }
        assertTrue(store.timeToLive(hash) <= 60, "created with a TTL of 60 s");
        store.write(hash, ProgressWrite.by(1).inStep(Step.HEADING_GENERATION, 16, "h"));
        assertTrue(store.timeToLive(hash) > 3500, "an update renews it to 3600 s");

        try (ShortLived shortLived = new ShortLived()) {
            shortLived.store.write(hash, ProgressWrite.by(1).inStep(Step.SECTION_GENERATION, 32, "s"));
        }
        assertTrue(store.timeToLive(hash) <= 60);
        store.write(hash, ProgressWrite.cancel(Map.of("en", "c")));
        assertTrue(store.timeToLive(hash) > 3500, "a cancel renews it too");
    }

    @Test
    void everyKeyOfOursHasATimeToLive() {
        SessionHash hash = aGeneration(1, 0);
        store.write(hash, ProgressWrite.by(1).withStatus(ProgressStatus.processing, null));
        store.renewLeases(List.of(hash));
        assertTrue(store.timeToLive(hash) > 0);
        assertTrue(store.runningSetTimeToLive() > 0, "the running set of leases expires too");
    }

    @Test
    void aRestartRetriedAfterALostAnswerGetsTheSameAnswer() {
        SessionHash hash = aGeneration(1, 0);
        store.write(hash, ProgressWrite.cancel(Map.of("en", "Cancelled")));
        ProgressWrite restart = ProgressWrite.restart(Map.of("en", "Resuming"));
        assertEquals(WriteOutcome.APPLIED, store.write(hash, restart).outcome());
        assertEquals(WriteOutcome.APPLIED, store.write(hash, restart).outcome(), "the same request again");
        assertEquals(2, read(hash).attempt(), "applied once");
        assertEquals(WriteOutcome.CONFLICT, store.write(hash, ProgressWrite.restart(Map.of("en", "Resuming"))).outcome(),
                "another restart of a running generation is refused");
    }

    @Test
    void aGenerationWhoseLeaseRanOutIsFailedAndLeftRestartable() {
        SessionHash hash = aGeneration(1, 0);
        store.write(hash, ProgressWrite.by(1).withStatus(ProgressStatus.processing, null));
        try (ShortLived expiredLeases = new ShortLived(0)) {
            expiredLeases.store.renewLeases(List.of(hash));
            assertTrue(expiredLeases.store.reapStalled(Map.of("error", "gone", "en", "Gone")).stream()
                    .anyMatch(json -> json.contains(hash.value())));
        }
        ProgressDocument doc = read(hash);
        assertEquals("failed", doc.status());
        assertEquals("gone", doc.error());
        assertEquals(WriteOutcome.APPLIED, store.write(hash, ProgressWrite.restart(Map.of("en", "Resuming"))).outcome());
    }

    @Test
    void aFinishedGenerationIsNeverReaped() {
        SessionHash hash = aGeneration(1, 0);
        store.write(hash, ProgressWrite.by(1).withStatus(ProgressStatus.completed, null));
        try (ShortLived expiredLeases = new ShortLived(0)) {
            expiredLeases.store.renewLeases(List.of(hash));
            expiredLeases.store.reapStalled(Map.of("error", "gone", "en", "Gone"));
        }
        assertEquals("completed", read(hash).status());
    }

    @Test
    void slashesStayPlainInTheStoredJson() {
        SessionHash hash = aGeneration(8, 0);
        store.write(hash, ProgressWrite.by(1).inStep(Step.SECTION_GENERATION, 32, "Generating sections... (3/8) a\\/b"));
        String json = store.read(hash).orElseThrow();
        assertTrue(json.contains("(3/8)"), json);
        assertEquals("Generating sections... (3/8) a\\/b", read(hash).currentMessage(), "a backslash before a slash survives");
    }

    /** A second store on the same Redis with a TTL of 60 s, or with leases that end at once. */
    static final class ShortLived implements AutoCloseable {

        final ProgressStore store;

        ShortLived() {
            this(30);
        }

        ShortLived(int leaseSeconds) {
            store = new ProgressStore();
            store.redisUrl = IntegrationTestIsolation.redisUrl();
            store.ttlSeconds = 60;
            store.timeoutMillis = 2000;
            store.poolSize = 2;
            store.leaseSeconds = leaseSeconds;
            store.open();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void writesToAnUnknownHashCreateNothing() {
        SessionHash hash = SessionHash.random();
        assertEquals(WriteOutcome.MISSING, store.write(hash, ProgressWrite.by(1).inStep(Step.HEADING_GENERATION, 16, "h")).outcome());
        assertEquals(WriteOutcome.MISSING, store.write(hash, ProgressWrite.cancel(Map.of("en", "c"))).outcome());
        assertEquals(-2, store.timeToLive(hash));
    }

    @Test
    void theStoredDocumentKeepsTheContractsFieldsAndTypes() {
        SessionHash hash = aGeneration(3, 2);
        String json = store.read(hash).orElseThrow();
        for (String field : List.of("\"ai_content_id\":42", "\"session_hash\":\"" + hash + "\"", "\"status\":\"pending\"",
                "\"step\":\"initialization\"", "\"progress\":0", "\"headings\":[]", "\"sections\":[]",
                "\"completed_sections\":0", "\"total_sections\":3", "\"completed_images\":0", "\"total_images\":2",
                "\"is_completed\":false", "\"is_failed\":false", "\"updated_at\":\"", "\"current_message\":\"Preparing\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        store.write(hash, ProgressWrite.by(1).inStep(Step.HEADING_GENERATION, 16, "h"));
        String updated = store.read(hash).orElseThrow();
        assertTrue(updated.contains("\"headings\":[]"), "empty arrays stay arrays after a Lua round trip: " + updated);
        assertNotNull(read(hash).updatedAt());
    }
}
