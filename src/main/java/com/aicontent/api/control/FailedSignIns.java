package com.aicontent.api.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Slows and then stops a client that keeps presenting bad tokens. Within
 * {@code AUTH_FAILURE_WINDOW_SECONDS}, once a client has failed half of {@code AUTH_FAILURE_LIMIT}
 * times its further 401s come late (doubling from 100 ms up to 2 s, with at most
 * {@value #MAX_DELAYED} answers waiting at once, so the delays cannot tie up the server's threads);
 * at the limit it is blocked for {@code AUTH_BLOCK_SECONDS}: 429 with {@code Retry-After}, and its
 * tokens are not even checked (a valid access token still passes: it cannot be guessed). Counted per
 * instance: behind a load balancer with n instances a client gets about n times the budget.
 */
@ApplicationScoped
public class FailedSignIns {

    private static final Logger LOG = Logger.getLogger(FailedSignIns.class.getName());
    static final int MAX_DELAYED = 16;
    private static final int MAX_CLIENTS = 10_000;

    @Inject
    @ConfigProperty(name = "AUTH_FAILURE_LIMIT", defaultValue = "10")
    int limit;

    @Inject
    @ConfigProperty(name = "AUTH_FAILURE_WINDOW_SECONDS", defaultValue = "60")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "AUTH_BLOCK_SECONDS", defaultValue = "300")
    int blockSeconds;

    LongSupplier clock = System::nanoTime;
    private final Semaphore delayed = new Semaphore(MAX_DELAYED);
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();

    /** Failures of one client in the current window, and the end of its block if any. */
    private record Failures(long windowStart, int count, long blockedUntil) {
    }

    /** Seconds the client is still blocked for; 0 when it is not. */
    public long blockedSeconds(String client) {
        Failures failures = clients.get(client);
        long now = clock.getAsLong();
        if (failures == null || failures.blockedUntil() <= now) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(failures.blockedUntil() - now + TimeUnit.SECONDS.toNanos(1) - 1));
    }

    /**
     * Counts a failure and answers how long to hold the 401 back (0: at once), or -1 when the
     * client is now blocked (or too many answers are held back already): answer 429 then.
     */
    public long failed(String client) {
        long now = clock.getAsLong();
        if (clients.size() > MAX_CLIENTS) {
            clients.values().removeIf(f -> f.blockedUntil() <= now && now - f.windowStart() > window());
        }
        Failures counted = clients.compute(client, (key, old) -> {
            if (old == null || (old.blockedUntil() <= now && now - old.windowStart() > window())) {
                return new Failures(now, 1, 0);
            }
            int count = old.count() + 1;
            long blockedUntil = count >= limit ? now + TimeUnit.SECONDS.toNanos(blockSeconds) : old.blockedUntil();
            return new Failures(old.windowStart(), count, blockedUntil);
        });
        if (counted.count() == limit) {
            LOG.warning(() -> "Blocked " + client + " for " + blockSeconds + " s after " + limit
                    + " refused tokens within " + windowSeconds + " s");
        }
        if (counted.blockedUntil() > now) {
            return -1;
        }
        int overHalf = counted.count() - limit / 2;
        return overHalf <= 0 ? 0 : Math.min(2000, 100L << Math.min(overHalf - 1, 5));
    }

    /** Holds the answer back; false (answer 429 at once) when too many are held already. */
    public boolean holdBack(long millis) {
        if (!delayed.tryAcquire()) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            delayed.release();
        }
    }

    private long window() {
        return TimeUnit.SECONDS.toNanos(windowSeconds);
    }
}
