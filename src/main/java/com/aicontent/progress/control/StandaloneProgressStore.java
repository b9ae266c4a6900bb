package com.aicontent.progress.control;

import java.time.Duration;

/**
 * The progress store wired by hand, outside any server, for the command-line self-test: the same
 * classes, scripts, keys and TTL that a running instance uses, on a connection of its own.
 * {@link #close()} it when done.
 */
public final class StandaloneProgressStore implements AutoCloseable {

    private final RedisConnection connection;
    private final ProgressJson json = new ProgressJson();
    private final ProgressDocuments documents = new ProgressDocuments();
    private final RunningLeases leases = new RunningLeases();
    private final ProgressUpdates updates = new ProgressUpdates();
    private final RedisProgressStore store = new RedisProgressStore();

    private StandaloneProgressStore(String redisUrl, Duration ttl, Duration lease) {
        connection = RedisConnection.open(redisUrl, Duration.ofSeconds(2), 32);
        ProgressKeys keys = ProgressKeys.of(ttl, lease);
        documents.redis = connection;
        documents.keys = keys;
        documents.json = json;
        documents.counters = connection.counters;
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

    /** With the defaults of a running instance: a TTL of 3600 s and a lease of 30 s. */
    public static StandaloneProgressStore open(String redisUrl) {
        return open(redisUrl, Duration.ofSeconds(3600), Duration.ofSeconds(30));
    }

    public static StandaloneProgressStore open(String redisUrl, Duration ttl, Duration lease) {
        return new StandaloneProgressStore(redisUrl, ttl, lease);
    }

    public ProgressStore store() {
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

    @Override
    public void close() {
        connection.close();
        json.close();
    }
}
