package com.aicontent.progress.control;

import com.aicontent.DedicatedRedis;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A Redis blip: the store's own redis-server is restarted under it (empty, as this Redis keeps
 * nothing), and the store carries on: it reconnects, loads its script again after NOSCRIPT, and
 * its update subscription comes back by itself.
 */
class ProgressStoreRedisRestartIT {

    DedicatedRedis redis;
    ProgressStore store;

    @BeforeEach
    void startRedis() {
        redis = DedicatedRedis.start();
        store = ProgressStore.connect(redis.url(), 3600);
    }

    @AfterEach
    void stopRedis() {
        store.close();
        redis.close();
    }

    @Test
    void writesAndTheSubscriptionSurviveARedisRestart() throws Exception {
        BlockingQueue<String> updates = new LinkedBlockingQueue<>();
        AutoCloseable subscription = store.subscribe(Thread.ofPlatform().daemon()::unstarted, (hash, json) -> updates.add(hash.value()));
        SessionHash before = created();
        awaitDelivery(updates, before, ProgressWrite.by(1).inStep(Step.HEADING_GENERATION, 16, "before"));

        redis.stop();
        redis.resume();

        SessionHash after = created();
        assertEquals(WriteOutcome.APPLIED, store.write(after, ProgressWrite.by(1).inStep(Step.HEADING_GENERATION, 16, "after")).outcome(),
                "the script is loaded again after NOSCRIPT");
        awaitDelivery(updates, after, ProgressWrite.by(1).inStep(Step.SECTION_GENERATION, 32, "again"));
        subscription.close();
    }

    private SessionHash created() {
        SessionHash hash = SessionHash.random();
        store.create(ProgressDocument.pending(1, hash, "t", "en", "m", 1, 0, "2026-01-01T00:00:00Z"));
        return hash;
    }

    /** Writes until the subscription delivers the write (it may still be reconnecting). */
    private void awaitDelivery(BlockingQueue<String> updates, SessionHash hash, ProgressWrite write) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            store.write(hash, write);
            for (String delivered = updates.poll(200, TimeUnit.MILLISECONDS); delivered != null;
                 delivered = updates.poll(10, TimeUnit.MILLISECONDS)) {
                if (delivered.equals(hash.value())) {
                    return;
                }
            }
        }
        fail("the subscription never delivered an update for " + hash);
    }
}
