package com.aicontent.progress.control;

import com.aicontent.IntegrationTestIsolation;
import com.aicontent.language.Language;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract on the real Redis, and what only Redis shows: TTLs, the stored JSON, the script's
 * round trips.
 */
class RedisProgressStoreIT extends ProgressStoreContract {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.onTestRedis();

    static final List<RedisFixture> others = new ArrayList<>();

    @Override
    ProgressStore store() {
        return redis.store();
    }

    @Override
    ProgressStore storeWithLease(Duration lease) {
        RedisFixture other = RedisFixture.on(IntegrationTestIsolation.redisUrl(), Duration.ofSeconds(3600), lease);
        others.add(other);
        return other.store();
    }

    @AfterAll
    static void closeOthers() {
        others.forEach(RedisFixture::close);
    }

    @Test
    void everyWriteRenewsTheTimeToLive() {
        SessionHash hash = SessionHash.random();
        try (RedisFixture shortLived = RedisFixture.on(IntegrationTestIsolation.redisUrl(), Duration.ofSeconds(60), Duration.ofSeconds(30))) {
            shortLived.store().write(hash, new ProgressWrite.Create(ProgressDocument.pending(42, hash, "t", Language.en, "p", 1, 0, "2026-01-01T00:00:00Z")));
        }
        assertTrue(redis.timeToLive(hash) <= 60, "created with a TTL of 60 s");
        redis.store().write(hash, new ProgressWrite.Begin(1, "b"));
        assertTrue(redis.timeToLive(hash) > 3500, "an update renews it to 3600 s");

        try (RedisFixture shortLived = RedisFixture.on(IntegrationTestIsolation.redisUrl(), Duration.ofSeconds(60), Duration.ofSeconds(30))) {
            shortLived.store().write(hash, new ProgressWrite.EnterStep(1, Step.heading_generation, "h"));
        }
        assertTrue(redis.timeToLive(hash) <= 60);
        redis.store().write(hash, new ProgressWrite.Cancel(CANCELLED, "ada"));
        assertTrue(redis.timeToLive(hash) > 3500, "a cancel renews it too");
    }

    @Test
    void everyKeyOfOursHasATimeToLive() {
        SessionHash hash = aRunningGeneration(1, 0);
        redis.store().renewLeases(List.of(hash));
        assertTrue(redis.timeToLive(hash) > 0);
        assertTrue(redis.runningSetTimeToLive() > 0, "the running set of leases expires too");
    }

    @Test
    void aWriteIsOneRoundTrip() {
        SessionHash hash = aRunningGeneration(1, 0);
        long before = redis.counters().statistics().writes();
        redis.store().write(hash, new ProgressWrite.Usage(1, 1, 1));
        assertEquals(before + 1, redis.counters().statistics().writes());
    }

    @Test
    void slashesStayPlainInTheStoredJson() {
        SessionHash hash = aRunningGeneration(8, 0);
        redis.store().write(hash, new ProgressWrite.EnterStep(1, Step.section_generation, "Generating sections... (3/8) a\\/b"));
        String json = redis.documents().read(hash).orElseThrow();
        assertTrue(json.contains("(3/8)"), json);
        assertEquals("Generating sections... (3/8) a\\/b", read(hash).currentMessage(), "a backslash before a slash survives");
    }

    @Test
    void theStoredDocumentKeepsTheContractsFieldsAndTypes() {
        SessionHash hash = aGeneration(3, 2);
        String json = redis.documents().read(hash).orElseThrow();
        for (String field : List.of("\"ai_content_id\":42", "\"session_hash\":\"" + hash + "\"", "\"status\":\"pending\"",
                "\"step\":\"initialization\"", "\"progress\":0", "\"headings\":[]", "\"sections\":[]",
                "\"completed_sections\":0", "\"total_sections\":3", "\"completed_images\":0", "\"total_images\":2",
                "\"is_completed\":false", "\"is_failed\":false", "\"updated_at\":\"", "\"current_message\":\"Preparing\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        redis.store().write(hash, new ProgressWrite.EnterStep(1, Step.heading_generation, "h"));
        String updated = redis.documents().read(hash).orElseThrow();
        assertTrue(updated.contains("\"headings\":[]"), "empty arrays stay arrays after a Lua round trip: " + updated);
    }
}
