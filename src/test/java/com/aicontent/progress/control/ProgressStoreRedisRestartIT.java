package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A Redis blip: the store's own redis-server is restarted under it (empty, as this Redis keeps
 * nothing), and the store carries on: it reconnects, loads its script again after NOSCRIPT, and
 * its update subscription comes back by itself.
 */
class ProgressStoreRedisRestartIT {

    int port;
    Path dir;
    Process redis;
    ProgressStore store;

    @BeforeEach
    void startRedis() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dir = Files.createTempDirectory(Path.of("target"), "redis-restart-");
        redis = startRedisServer();
        store = ProgressStore.connect("redis://127.0.0.1:" + port, 3600);
    }

    @AfterEach
    void stopRedis() {
        store.close();
        redis.destroyForcibly();
    }

    @Test
    void writesAndTheSubscriptionSurviveARedisRestart() throws Exception {
        BlockingQueue<String> updates = new LinkedBlockingQueue<>();
        AutoCloseable subscription = store.subscribe(Thread.ofPlatform().daemon()::unstarted, (hash, json) -> updates.add(hash.value()));
        SessionHash before = created();
        awaitDelivery(updates, before, ProgressWrite.by(1).inStep(Step.HEADING_GENERATION, 16, "before"));

        redis.destroy();
        redis.waitFor();
        redis = startRedisServer();

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
            String delivered = updates.poll(200, TimeUnit.MILLISECONDS);
            while (delivered != null) {
                if (delivered.equals(hash.value())) {
                    return;
                }
                delivered = updates.poll(10, TimeUnit.MILLISECONDS);
            }
        }
        assertNotNull(null, "the subscription never delivered an update for " + hash);
    }

    private Process startRedisServer() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }
}
