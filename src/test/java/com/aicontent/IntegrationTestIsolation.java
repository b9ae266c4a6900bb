package com.aicontent;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Gives each integration-test run a Redis database and a PostgreSQL schema of its own, so two
 * builds on one machine (two checkouts, two engineers) never see each other's generations, leases
 * or queues. The run claims a free database index 1..15 on the Redis at 127.0.0.1:6379 with a key
 * that expires (in database 0), empties it, and uses the same number for its PostgreSQL schema
 * {@code ai_content_it_<n>} in the database {@code test} and for the databases of the tests that
 * need one of their own. The Payara Micro servers are pointed at both through the system
 * properties that {@code arquillian.xml} reads ({@code payara.cmdOptions},
 * {@code payara.postBootCommands}). Pub/sub is not per database in Redis; channels carry random
 * session hashes, so other runs' messages are ignored.
 */
public class IntegrationTestIsolation implements LauncherSessionListener {

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String CLAIM = "ai_content_it_claim:";
    private static final int CLAIM_SECONDS = 4 * 3600;
    private static final String OWNER = UUID.randomUUID().toString();
    private static int index;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("it.war") == null && System.getProperty("app.war") == null) {
            return; // unit tests need neither
        }
        index = claimRedisDatabase();
        if (System.getProperty("keycloak.home") != null) {
            KeycloakServer.startInBackground(); // boots while the first tests run; the sign-in tests wait for it
        }
        if (System.getProperty("payara.postBootCommands") != null) {
            System.setProperty("payara.cmdOptions", System.getProperty("payara.cmdOptions", "") + " -DREDIS_URL=" + redisUrl());
            System.setProperty("payara.postBootCommands", postBootCommandsOnEmptySchema(schema()).toString());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (index == 0) {
            return;
        }
        try (RedisClient redis = RedisClient.create(REDIS)) {
            if (OWNER.equals(redis.get(CLAIM + index))) {
                redis.del(CLAIM + index);
            }
        }
    }

    /** The Redis URL of this run: the machine's Redis, in the run's own database. */
    public static String redisUrl() {
        return REDIS + "/" + index;
    }

    /** A name for a PostgreSQL database or schema of this run's own: {@code prefix_<n>}. */
    public static String own(String prefix) {
        return prefix + "_" + index;
    }

    public static String schema() {
        return own("ai_content_it");
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema(), "postgres", "");
    }

    private static int claimRedisDatabase() {
        try (RedisClient redis = RedisClient.create(REDIS)) {
            for (int candidate = 1; candidate <= 15; candidate++) {
                if ("OK".equals(redis.set(CLAIM + candidate, OWNER, SetParams.setParams().nx().ex(CLAIM_SECONDS)))) {
                    try (RedisClient own = RedisClient.create(REDIS + "/" + candidate)) {
                        own.flushDB(); // what a killed earlier run left
                    }
                    return candidate;
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis must answer on 127.0.0.1:6379 (.ci/run starts it)", e);
        }
        throw new IllegalStateException("all 15 Redis databases on 127.0.0.1:6379 are claimed by other test runs; "
                + "wait for one to end, or delete the keys " + CLAIM + "* in database 0 if those runs are gone");
    }

    /** Drops and creates {@code schema} in the database {@code test}: what a server that starts on it finds. */
    public static void emptySchema(String schema) {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + schema + " cascade");
            sql.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must answer on 127.0.0.1:5432 with a database 'test' (.ci/run starts it)", e);
        }
    }

    /**
     * Payara's post-boot commands (src/test/payara/post-boot-postgresql.asadmin) for an empty
     * {@code schema} of the database {@code test}, written next to the build's other files.
     */
    public static Path postBootCommandsOnEmptySchema(String schema) {
        emptySchema(schema);
        try {
            Path template = Path.of("src/test/payara/post-boot-postgresql.asadmin");
            Path own = Path.of("target", "post-boot-" + schema + ".asadmin").toAbsolutePath();
            Files.writeString(own, Files.readString(template).replace("currentSchema=ai_content_it", "currentSchema=" + schema));
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
