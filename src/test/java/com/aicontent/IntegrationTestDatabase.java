package com.aicontent;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives each integration-test run an empty PostgreSQL schema, {@code ai_content_it} in the database
 * {@code test}, before the first server starts; the servers' default datasource points at it (see
 * {@code src/test/payara/post-boot-postgresql.asadmin}). Tables left by an older build would
 * otherwise meet a newer mapping.
 */
public class IntegrationTestDatabase implements LauncherSessionListener {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=ai_content_it";
    public static final String SCHEMA = "ai_content_it";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("it.war") == null) {
            return; // unit tests need no database
        }
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must answer on 127.0.0.1:5432 with a database 'test' (.ci/run starts it)", e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }
}
