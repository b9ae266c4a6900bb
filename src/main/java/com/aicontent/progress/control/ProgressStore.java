package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStoreStatistics;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.RedisUnavailableException;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.WriteOutcome;
import com.aicontent.progress.entity.WriteResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All Redis I/O of the application: the progress keys, their TTL, the update channel and the Lua
 * script that makes every write one atomic round trip. Nothing else touches Redis, so the
 * contract's key names and rules live here and in {@code progress-write.lua} only.
 */
@ApplicationScoped
public class ProgressStore {

    public static final String KEY_PREFIX = "ai_content_progress:";
    public static final String CHANNEL_PREFIX = "ai_content_updates:";
    /** Sorted set of the generations some instance runs, scored by when their lease ends. */
    public static final String RUNNING_KEY = "ai_content_running";

    private static final Logger LOG = Logger.getLogger(ProgressStore.class.getName());
    private static final String SCRIPT = loadScript("progress-write.lua");
    private static final String REAP_SCRIPT = loadScript("reap-stalled.lua");
    private static final String RENEW_SCRIPT = loadScript("renew-leases.lua");
    private static final int WRITE_ATTEMPTS = 3;

    @Inject
    @ConfigProperty(name = "REDIS_URL", defaultValue = "redis://127.0.0.1:6379")
    String redisUrl;

    @Inject
    @ConfigProperty(name = "PROGRESS_TTL_SECONDS", defaultValue = "3600")
    int ttlSeconds;

    @Inject
    @ConfigProperty(name = "REDIS_TIMEOUT_MS", defaultValue = "2000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "REDIS_POOL_SIZE", defaultValue = "32")
    int poolSize;

    @Inject
    @ConfigProperty(name = "GENERATION_LEASE_SECONDS", defaultValue = "30")
    int leaseSeconds;

    private RedisClient redis;
    private Jsonb jsonb;
    private volatile String scriptSha;

    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastRoundTripNanos = new AtomicLong();
    private final AtomicLong totalRoundTripNanos = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();

    /** A store outside the container, for tools and tests; {@link #close()} it when done. */
    public static ProgressStore connect(String redisUrl, int ttlSeconds) {
        ProgressStore store = new ProgressStore();
        store.redisUrl = redisUrl;
        store.ttlSeconds = ttlSeconds;
        store.timeoutMillis = 2000;
        store.poolSize = 8;
        store.leaseSeconds = 30;
        store.open();
        return store;
    }

    @PostConstruct
    void open() {
        redis = client(redisUri(redisUrl), timeoutMillis, poolSize);
        jsonb = JsonbBuilder.create();
        LOG.info(() -> "AI-PROGRESS store uses Redis at " + withoutCredentials(redisUrl) + ", TTL " + ttlSeconds + " s");
    }

    @PreDestroy
    public void close() {
        redis.close();
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B", e);
        }
    }

    /** The document as stored, in one GET: the status poll's only I/O. */
    public Optional<String> read(SessionHash hash) {
        try {
            long started = System.nanoTime();
            String json = redis.get(KEY_PREFIX + hash.value());
            timed(started);
            reads.incrementAndGet();
            return Optional.ofNullable(json);
        } catch (JedisException e) {
            errors.incrementAndGet();
            throw new RedisUnavailableException("Redis did not answer the progress read", e);
        }
    }

    public Optional<ProgressDocument> readDocument(SessionHash hash) {
        return read(hash).map(this::parse);
    }

    public ProgressDocument parse(String json) {
        return jsonb.fromJson(json, ProgressDocument.class);
    }

    public WriteResult create(ProgressDocument document) {
        return write(new SessionHash(document.sessionHash()), ProgressWrite.create(document));
    }

    /**
     * Applies one write atomically, and holds (or, for a terminal status, drops) the generation's
     * lease in the running set. Lost connections are retried a few times: a write whose answer was
     * lost may arrive twice, which every write survives: marks and fields are set, not added; a
     * restart carries a request id and answers a repeat as it answered the first; only token
     * counters could count a call twice, which is harmless.
     */
    public WriteResult write(SessionHash hash, ProgressWrite write) {
        String json = jsonb.toJson(write);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> keys = List.of(KEY_PREFIX + hash.value(), CHANNEL_PREFIX + hash.value(), RUNNING_KEY);
        List<String> args = List.of(json, Integer.toString(ttlSeconds), now, Integer.toString(leaseSeconds), hash.value());
        JedisException last = null;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                List<?> answer = evaluate(keys, args);
                writes.incrementAndGet();
                String document = (String) answer.get(1);
                return new WriteResult(WriteOutcome.valueOf(((String) answer.get(0)).toUpperCase(Locale.ROOT)),
                        document == null || document.isEmpty() ? null : document);
            } catch (JedisConnectionException e) {
                errors.incrementAndGet();
                last = e;
                LOG.log(Level.WARNING, "AI-PROGRESS [{0}] Redis write failed (attempt {1} of {2}): {3}",
                        new Object[]{hash, attempt, WRITE_ATTEMPTS, e.getMessage()});
                pause(attempt);
            } catch (JedisException e) {
                errors.incrementAndGet();
                throw new RedisUnavailableException("Redis refused the progress write: " + e.getMessage(), e);
            }
        }
        throw new RedisUnavailableException("Redis did not answer the progress write", last);
    }

    private List<?> evaluate(List<String> keys, List<String> args) {
        long started = System.nanoTime();
        try {
            if (scriptSha == null) {
                scriptSha = redis.scriptLoad(SCRIPT);
            }
            try {
                return (List<?>) redis.evalsha(scriptSha, keys, args);
            } catch (JedisNoScriptException e) {
                // Redis restarted or was flushed: load the script again, once
                scriptSha = redis.scriptLoad(SCRIPT);
                return (List<?>) redis.evalsha(scriptSha, keys, args);
            }
        } finally {
            timed(started);
        }
    }

    /**
     * Renews the leases of the generations this instance runs, in one round trip, by Redis' clock.
     * A generation whose lease runs out is taken for abandoned by {@link #reapStalled}.
     */
    public void renewLeases(List<SessionHash> running) {
        if (running.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(Integer.toString(leaseSeconds), Integer.toString(ttlSeconds)));
        running.forEach(hash -> args.add(hash.value()));
        try {
            long started = System.nanoTime();
            redis.eval(RENEW_SCRIPT, List.of(RUNNING_KEY), args);
            timed(started);
        } catch (JedisException e) {
            errors.incrementAndGet();
            LOG.log(Level.WARNING, "AI-PROGRESS could not renew the leases of {0} generations: {1}",
                    new Object[]{running.size(), e.getMessage()});
        }
    }

    /**
     * Fails, atomically, every generation whose lease ran out while it was still processing: the
     * instance running it died. Safe to run on every instance at once.
     *
     * @param messages the {@code current_message} by language, and the {@code error} under "error"
     * @return the documents it failed
     */
    public List<String> reapStalled(Map<String, String> messages) {
        Instant now = Instant.now();
        try {
            @SuppressWarnings("unchecked")
            List<String> failed = (List<String>) redis.eval(REAP_SCRIPT, List.of(RUNNING_KEY), List.of(
                    now.truncatedTo(ChronoUnit.SECONDS).toString(), Integer.toString(ttlSeconds), jsonb.toJson(messages),
                    KEY_PREFIX, CHANNEL_PREFIX));
            return failed;
        } catch (JedisException e) {
            errors.incrementAndGet();
            LOG.log(Level.WARNING, "AI-PROGRESS could not look for stalled generations: {0}", e.getMessage());
            return List.of();
        }
    }

    /** Seconds until the running set of leases expires; -2 when there is none. */
    public long runningSetTimeToLive() {
        return redis.ttl(RUNNING_KEY);
    }

    /** Removes a document; only tools that wrote a simulated session use this. */
    public void delete(SessionHash hash) {
        redis.del(KEY_PREFIX + hash.value());
    }

    /** The seconds the document has left to live: -2 when missing, -1 when it has no TTL. */
    public long timeToLive(SessionHash hash) {
        return redis.ttl(KEY_PREFIX + hash.value());
    }

    /** The Redis URL with its password masked, for people (the self-test names the Redis it writes to). */
    public String address() {
        return withoutCredentials(redisUrl);
    }

    public boolean ping() {
        try {
            long started = System.nanoTime();
            boolean pong = "PONG".equalsIgnoreCase(redis.ping());
            timed(started);
            return pong;
        } catch (JedisException e) {
            errors.incrementAndGet();
            return false;
        }
    }

    /** Counts our progress keys with SCAN, which, unlike KEYS, never blocks Redis. */
    public long countKeys() {
        return sessions().size();
    }

    /** The generations that have a progress document, found with SCAN. */
    public Set<SessionHash> sessions() {
        ScanParams params = new ScanParams().match(KEY_PREFIX + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        Set<SessionHash> sessions = new HashSet<>();
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String key : page.getResult()) {
                String hash = key.substring(KEY_PREFIX.length());
                if (SessionHash.isWellFormed(hash)) {
                    sessions.add(new SessionHash(hash));
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return sessions;
    }

    public ProgressStoreStatistics statistics() {
        long trips = roundTrips.get();
        return new ProgressStoreStatistics(writes.get(), reads.get(), errors.get(),
                lastRoundTripNanos.get() / 1000, trips == 0 ? 0 : totalRoundTripNanos.get() / trips / 1000);
    }

    /**
     * Follows every document written by any instance, on a thread of {@code threads}; reconnects
     * after a Redis outage. Closing the returned handle stops it.
     */
    public AutoCloseable subscribe(ThreadFactory threads, BiConsumer<SessionHash, String> listener) {
        AtomicBoolean open = new AtomicBoolean(true);
        JedisPubSub pubSub = new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
                String hash = channel.substring(CHANNEL_PREFIX.length());
                if (!SessionHash.isWellFormed(hash)) {
                    return;
                }
                try {
                    listener.accept(new SessionHash(hash), message);
                } catch (RuntimeException e) {
                    // one unreadable message (anyone may PUBLISH here) must not end the subscription
                    LOG.log(Level.WARNING, "AI-PROGRESS [" + hash + "] update not understood: " + e.getMessage());
                }
            }
        };
        Thread thread = threads.newThread(() -> {
            int failures = 0;
            while (open.get()) {
                try {
                    redis.psubscribe(pubSub, CHANNEL_PREFIX + "*");
                    failures = 0;
                } catch (RuntimeException e) {
                    if (!open.get()) {
                        break;
                    }
                    LOG.log(Level.WARNING, "AI-PROGRESS update subscription lost, reconnecting: {0}", e.getMessage());
                    pause(++failures);
                }
            }
        });
        thread.setName("ai-progress-updates");
        thread.start();
        return () -> {
            open.set(false);
            if (pubSub.isSubscribed()) {
                pubSub.punsubscribe();
            }
            thread.interrupt();
        };
    }

    private void timed(long startedNanos) {
        long took = System.nanoTime() - startedNanos;
        lastRoundTripNanos.set(took);
        totalRoundTripNanos.addAndGet(took);
        roundTrips.incrementAndGet();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 50L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses REDIS_URL without ever putting it, password included, into an exception message. */
    static URI redisUri(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new URISyntaxException("(hidden)", "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("REDIS_URL is not a URL like redis://user:password@host:6379/0 "
                    + "(percent-encode special characters of the password): " + e.getReason());
        }
    }

    static RedisClient client(URI uri, int timeoutMillis, int poolSize) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .timeoutMillis(timeoutMillis)
                .ssl("rediss".equals(uri.getScheme()))
                .clientName("ai-content-generator");
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
            String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            if (user != null && !user.isEmpty()) {
                config.user(user);
            }
            config.password(password);
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(1);
        // a caller waits at most the timeout for a free connection, never unboundedly
        pool.setMaxWait(Duration.ofMillis(timeoutMillis));
        return RedisClient.builder().hostAndPort(uri.getHost(), port).clientConfig(config.build()).poolConfig(pool).build();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL as it may appear in a log: the password replaced. */
    static String withoutCredentials(String url) {
        URI uri = redisUri(url);
        return uri.getRawUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "***@");
    }

    private static String loadScript(String name) {
        try (InputStream in = ProgressStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
