package com.aicontent.progress.control;

import com.aicontent.progress.entity.RedisUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The pool of connections to Redis, from {@code REDIS_URL}. The URL's password never reaches a log
 * line or an exception message: {@link #address()} is the URL as it may be shown.
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "REDIS_URL", defaultValue = "redis://127.0.0.1:6379")
    String url;

    @Inject
    @ConfigProperty(name = "REDIS_TIMEOUT_MS", defaultValue = "2000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "REDIS_POOL_SIZE", defaultValue = "32")
    int poolSize;

    @Inject
    StoreCounters counters;

    private UnifiedJedis client;

    /** A connection outside the container, for a command-line tool; {@link #close()} it when done. */
    public static RedisConnection open(String url, Duration timeout, int poolSize) {
        RedisConnection connection = new RedisConnection();
        connection.counters = new StoreCounters();
        connection.url = url;
        connection.timeoutMillis = Math.toIntExact(timeout.toMillis());
        connection.poolSize = poolSize;
        connection.open();
        return connection;
    }

    @PostConstruct
    void open() {
        client = client(redisUri(url), timeoutMillis, poolSize);
        LOG.info(() -> "AI-PROGRESS store uses Redis at " + address());
    }

    @PreDestroy
    public void close() {
        client.close();
    }

    UnifiedJedis client() {
        return client;
    }

    /** One round trip, timed; a failure is counted and thrown on. */
    <T> T roundTrip(Function<UnifiedJedis, T> command) {
        try {
            return counters.timed(() -> command.apply(client));
        } catch (JedisException e) {
            counters.failed();
            throw e;
        }
    }

    /** One run of a script, timed like any other round trip. */
    Object run(RedisScript script, List<String> keys, List<String> args) {
        return roundTrip(redis -> script.run(redis, keys, args));
    }

    /** The URL as it may appear in a log: the password replaced. */
    public String address() {
        return withoutCredentials(url);
    }

    public boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(client.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    /** Turns a Jedis failure into ours, whose message names the address and never the password. */
    RedisUnavailableException unavailable(String what, JedisException cause) {
        return new RedisUnavailableException("Redis at " + address() + " did not answer " + what, cause);
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

    static String withoutCredentials(String url) {
        URI uri = redisUri(url);
        return uri.getRawUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "***@");
    }

    private static UnifiedJedis client(URI uri, int timeoutMillis, int poolSize) {
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
}
