package com.aicontent.progress.control;

import com.aicontent.IntegrationTestIsolation;
import com.aicontent.progress.entity.SessionHash;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;

/**
 * The real progress store on a real Redis, wired by hand as CDI would wire it, for tests outside
 * the container; and what only tests need (TTLs, deleting a key, the raw client). Register it as an
 * extension ({@code @RegisterExtension static RedisFixture redis = RedisFixture.onTestRedis();}) and
 * it closes after the class.
 */
public final class RedisFixture implements AutoCloseable, AfterAllCallback {

    private final RedisConnection connection;
    private final ProgressKeys keys;
    private final ProgressJson json = new ProgressJson();
    private final StoreCounters counters;
    private final ProgressDocuments documents = new ProgressDocuments();
    private final RunningLeases leases = new RunningLeases();
    private final ProgressUpdates updates = new ProgressUpdates();
    private final RedisProgressStore store = new RedisProgressStore();

    private RedisFixture(String url, Duration ttl, Duration lease) {
        connection = RedisConnection.open(url, Duration.ofSeconds(2), 8);
        counters = connection.counters;
        keys = ProgressKeys.of(ttl, lease);
        documents.redis = connection;
        documents.keys = keys;
        documents.json = json;
        documents.counters = counters;
        leases.redis = connection;
        leases.keys = keys;
        leases.json = json;
        updates.redis = connection;
        store.documents = documents;
        store.leases = leases;
        store.updates = updates;
        store.keys = keys;
        store.json = json;
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

    public RedisProgressStore store() {
        return store;
    }

    public ProgressDocuments documents() {
        return documents;
    }

    public ProgressUpdates updates() {
        return updates;
    }

    public RedisConnection connection() {
        return connection;
    }

    public StoreCounters counters() {
        return counters;
    }

    /** The raw client, for what a test checks beyond the store's API. */
    public UnifiedJedis redis() {
        return connection.client();
    }

    /** Seconds the document has left to live: -2 when missing, -1 when it has no TTL. */
    public long timeToLive(SessionHash hash) {
        return redis().ttl(ProgressKeys.progress(hash));
    }

    public long runningSetTimeToLive() {
        return redis().ttl(ProgressKeys.RUNNING);
    }

    public void delete(SessionHash hash) {
        redis().del(ProgressKeys.progress(hash));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        connection.close();
        json.close();
    }
}
