package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.RedisUnavailableException;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.WriteOutcome;
import com.aicontent.progress.entity.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The progress documents: a read is one GET, a write is one run of {@code progress-write.lua},
 * which applies the contract's rules atomically, renews the TTL, holds or drops the generation's
 * lease and publishes the result.
 */
@ApplicationScoped
public class ProgressDocuments {

    private static final Logger LOG = Logger.getLogger(ProgressDocuments.class.getName());
    private static final int WRITE_ATTEMPTS = 3;
    private static final RedisScript WRITE = new RedisScript("progress-write.lua");

    @Inject
    RedisConnection redis;

    @Inject
    ProgressKeys keys;

    @Inject
    ProgressJson json;

    @Inject
    StoreCounters counters;

    /** The document as stored, in one GET: the status poll's only I/O. */
    public Optional<String> read(SessionHash hash) {
        try {
            String document = redis.roundTrip(client -> client.get(ProgressKeys.progress(hash)));
            counters.read();
            return Optional.ofNullable(document);
        } catch (JedisException e) {
            throw redis.unavailable("the progress read", e);
        }
    }

    public Optional<ProgressDocument> find(SessionHash hash) {
        return read(hash).map(json::document);
    }

    /**
     * Applies one write atomically. Lost connections are retried a few times: a write whose answer
     * was lost may arrive twice, which every write survives: parts are marked, not added; a restart
     * carries a request id and answers a repeat as it answered the first; only token counters could
     * count a call twice, which is harmless.
     */
    public WriteResult write(SessionHash hash, ProgressWrite write) {
        List<String> scriptKeys = List.of(ProgressKeys.progress(hash), ProgressKeys.channel(hash), ProgressKeys.RUNNING);
        List<String> args = List.of(json.write(write), Integer.toString(keys.ttlSeconds()), now(),
                Long.toString(keys.lease().toSeconds()), hash.value());
        JedisException last = null;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                List<?> answer = (List<?>) redis.run(WRITE, scriptKeys, args);
                counters.wrote();
                String document = (String) answer.get(1);
                return new WriteResult(WriteOutcome.valueOf(((String) answer.get(0)).toUpperCase(Locale.ROOT)),
                        document == null || document.isEmpty() ? null : json.document(document));
            } catch (JedisConnectionException e) {
                last = e;
                LOG.log(Level.WARNING, "AI-PROGRESS [{0}] Redis write failed (attempt {1} of {2}): {3}",
                        new Object[]{hash, attempt, WRITE_ATTEMPTS, e.getMessage()});
                pause(attempt);
            } catch (JedisException e) {
                throw new RedisUnavailableException("Redis refused the progress write: " + e.getMessage(), e);
            }
        }
        throw redis.unavailable("the progress write", last);
    }

    /** The generations that have a progress document, found with SCAN, which never blocks Redis as KEYS would. */
    public Set<SessionHash> sessions() {
        ScanParams params = new ScanParams().match(ProgressKeys.PROGRESS_PREFIX + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        Set<SessionHash> sessions = new HashSet<>();
        do {
            String from = cursor;
            ScanResult<String> page = redis.roundTrip(client -> client.scan(from, params));
            for (String key : page.getResult()) {
                String hash = key.substring(ProgressKeys.PROGRESS_PREFIX.length());
                if (SessionHash.isWellFormed(hash)) {
                    sessions.add(new SessionHash(hash));
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return sessions;
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 50L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
