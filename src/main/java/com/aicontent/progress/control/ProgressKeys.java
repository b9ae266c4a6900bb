package com.aicontent.progress.control;

import com.aicontent.progress.entity.SessionHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The names of our Redis keys and channels and how long they live: the contract's
 * {@code ai_content_progress:{hash}} and {@code ai_content_updates:{hash}}, and the lease set.
 * Every key of ours has a TTL.
 */
@ApplicationScoped
public class ProgressKeys {

    public static final String PROGRESS_PREFIX = "ai_content_progress:";
    public static final String CHANNEL_PREFIX = "ai_content_updates:";
    /** Sorted set of the generations some instance runs, scored by when their lease ends. */
    public static final String RUNNING = "ai_content_running";

    @Inject
    @ConfigProperty(name = "PROGRESS_TTL_SECONDS", defaultValue = "3600")
    int ttlSeconds;

    @Inject
    @ConfigProperty(name = "GENERATION_LEASE_SECONDS", defaultValue = "30")
    int leaseSeconds;

    /** Keys for a tool outside the container. */
    public static ProgressKeys of(Duration ttl, Duration lease) {
        ProgressKeys keys = new ProgressKeys();
        keys.ttlSeconds = Math.toIntExact(ttl.toSeconds());
        keys.leaseSeconds = Math.toIntExact(lease.toSeconds());
        return keys;
    }

    public static String progress(SessionHash hash) {
        return PROGRESS_PREFIX + hash.value();
    }

    public static String channel(SessionHash hash) {
        return CHANNEL_PREFIX + hash.value();
    }

    /** Renewed by every write: a document outlives its last write by this long. */
    public int ttlSeconds() {
        return ttlSeconds;
    }

    /** How long a generation stays taken after its instance last renewed the lease. */
    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }
}
