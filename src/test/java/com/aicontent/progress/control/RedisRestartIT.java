package com.aicontent.progress.control;

import com.aicontent.DedicatedRedis;
import com.aicontent.language.Language;
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
class RedisRestartIT {

    DedicatedRedis redis;
    RedisFixture fixture;
    ProgressStore store;

    @BeforeEach
    void startRedis() {
        redis = DedicatedRedis.start();
        fixture = RedisFixture.on(redis.url());
        store = fixture.store();
    }

    @AfterEach
    void stopRedis() {
        fixture.close();
        redis.close();
    }

    @Test
    void writesAndTheSubscriptionSurviveARedisRestart() throws Exception {
        BlockingQueue<String> updates = new LinkedBlockingQueue<>();
        AutoCloseable subscription = store.follow(Thread.ofPlatform().daemon()::unstarted, hash -> true,
                doc -> updates.add(doc.sessionHash()));
        SessionHash before = created();
        awaitDelivery(updates, before, new ProgressWrite.EnterStep(1, Step.heading_generation, "before"));

        redis.stop();
        redis.resume();

        SessionHash after = created();
        assertEquals(WriteOutcome.APPLIED, store.write(after, new ProgressWrite.EnterStep(1, Step.heading_generation, "after")).outcome(),
                "the script is loaded again after NOSCRIPT");
        awaitDelivery(updates, after, new ProgressWrite.EnterStep(1, Step.section_generation, "again"));
        subscription.close();
    }

    private SessionHash created() {
        SessionHash hash = SessionHash.random();
        store.write(hash, new ProgressWrite.Create(ProgressDocument.pending(1, hash, "t", Language.en, "m", 1, 0, "2026-01-01T00:00:00Z")));
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
