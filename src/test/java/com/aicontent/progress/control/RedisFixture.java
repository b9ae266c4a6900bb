package com.aicontent.progress.control;

import com.aicontent.IntegrationTestIsolation;
import com.aicontent.progress.entity.SessionHash;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;

/**
 * The real progress store on a real Redis, outside the container, and what only tests need beside
 * it (the lease set's TTL, the raw client). Register it as an extension
 * ({@code @RegisterExtension static RedisFixture redis = RedisFixture.onTestRedis();}) and it closes
 * after the class.
 */
public final class RedisFixture implements AutoCloseable, AfterAllCallback {

    private final StandaloneProgressStore standalone;

    private RedisFixture(String url, Duration ttl, Duration lease) {
        standalone = StandaloneProgressStore.open(url, ttl, lease);
    }

    /** This test run's own database on the machine's Redis, with the default TTL and a 30 s lease. */
    public static RedisFixture onTestRedis() {
        return on(IntegrationTestIsolation.redisUrl());
    }

    public static RedisFixture on(String url) {
        return on(url, Duration.ofSeconds(3600), Duration.ofSeconds(30));
    }

    public static RedisFixture on(String url, Duration ttl, Duration lease) {
        return new RedisFixture(url, ttl, lease);
    }

    public ProgressStore store() {
        return standalone.store();
    }

    public ProgressDocuments documents() {
        return standalone.documents();
    }

    public ProgressUpdates updates() {
        return standalone.updates();
    }

    public RedisConnection connection() {
        return standalone.connection();
    }

    public StoreCounters counters() {
        return standalone.connection().counters;
    }

    /** The raw client, for what a test checks beyond the store's API. */
    public UnifiedJedis redis() {
        return standalone.connection().client();
    }

    /** Seconds the document has left to live: -2 when missing, -1 when it has no TTL. */
    public long timeToLive(SessionHash hash) {
        return documents().timeToLive(hash);
    }

    public long runningSetTimeToLive() {
        return redis().ttl(ProgressKeys.RUNNING);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        standalone.close();
    }
}
