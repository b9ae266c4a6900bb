package com.aicontent.wildfly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.aicontent.ApiClient;
import com.aicontent.DedicatedRedis;
import com.aicontent.IntegrationTestIsolation;
import com.aicontent.KeycloakServer;
import com.aicontent.api.boundary.AccessControlContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one WildFly per test run, as an operator would: the distribution that the {@code wildfly}
 * Maven profile unpacked, PostgreSQL configured with the README's jboss-cli script, the same WAR
 * the build produced (its jboss-web.xml puts it at {@code /}), configuration from the environment.
 * Its Redis is a {@link DedicatedRedis}, so a test may stop it. It is stopped with jboss-cli
 * {@code :shutdown} when the run ends. Without the profile (no {@code wildfly.home}) the tests that
 * use it are skipped.
 */
public final class WildFlyServer implements BeforeAllCallback, ParameterResolver {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
    private static final String CONFIG = "standalone-microprofile.xml";
    /** WildFly's own database: Payara test runs of any build on this machine empty their schema at will. */
    /** A schema of WildFly's own in the database test, so its articles never mix with Payara's. */
    static final String SCHEMA = IntegrationTestIsolation.own("ai_content_wildfly");

    private final Path home;
    private final Path runDirectory;
    private final int portOffset;
    private Process process;
    private DedicatedRedis redis;

    private WildFlyServer(Path home, Path runDirectory, int portOffset) {
        this.home = home;
        this.runDirectory = runDirectory;
        this.portOffset = portOffset;
    }

    /** Used by JUnit through {@code @ExtendWith}; the started server lives in the root store. */
    public WildFlyServer() {
        this(null, null, 0);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WildFlyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    private static WildFlyServer running(ExtensionContext context) {
        String home = System.getProperty("wildfly.home");
        Assumptions.assumeTrue(home != null && !home.isBlank(),
                "WildFly tests run with -Pwildfly (no wildfly.home set)");
        var store = context.getRoot().getStore(ExtensionContext.Namespace.create(WildFlyServer.class));
        return store.getOrComputeIfAbsent("server", key -> startIn(Path.of(home)), Running.class).server();
    }

    /** Stops the server when JUnit closes the root store, at the end of the run. */
    private record Running(WildFlyServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }

    private static Running startIn(Path home) {
        Path target = home.getParent().getParent();
        var server = new WildFlyServer(home, target.resolve("wildfly-run"), freePortOffset());
        server.start();
        return new Running(server);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    }

    /** WildFly serves MicroProfile Health on its management interface, not on the HTTP port. */
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + managementPort() + "/");
    }

    /** The Redis the server uses, of this run alone. */
    public DedicatedRedis redis() {
        return redis;
    }

    public Path serverLog() {
        return runDirectory.resolve("log/server.log");
    }

    /** Redeploys the WAR, as an operator shipping a new build would; returns once it is up again. */
    public void redeploy() {
        runCli(List.of("--connect", "--controller=127.0.0.1:" + managementPort(),
                "--command=/deployment=ai-content-generator.war:redeploy"), Duration.ofMinutes(3), "redeploy the WAR");
    }

    private int managementPort() {
        return 9990 + portOffset;
    }

    private void start() {
        long started = System.nanoTime();
        try {
            prepareRunDirectory();
            configurePostgresql();
            IntegrationTestIsolation.emptySchema(SCHEMA);
            Files.copy(Path.of(System.getProperty("app.war")), runDirectory.resolve("deployments/ai-content-generator.war"));
            long configured = System.nanoTime();
            redis = DedicatedRedis.start();
            launch();
            awaitDeployment();
            System.out.printf("WildFly: configured in %d ms, booted and deployed in %d ms (port offset %d)%n",
                    TimeUnit.NANOSECONDS.toMillis(configured - started),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - configured), portOffset);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    /** A fresh copy of standalone/ per run, so no earlier run's configuration or deployment comes back. */
    private void prepareRunDirectory() throws IOException {
        deleteRecursively(runDirectory);
        copyRecursively(home.resolve("standalone"), runDirectory);
        // the CLI script adds the module; an earlier run's module would make it fail
        deleteRecursively(home.resolve("modules/org/postgresql"));
    }

    private void configurePostgresql() {
        Path script = Path.of("src/main/wildfly/configure-postgresql.cli").toAbsolutePath();
        runCli(List.of("-Djboss.server.base.dir=" + runDirectory,
                "-Dpostgresql.jar=" + Path.of(System.getProperty("postgresql.jar")).toAbsolutePath(),
                "--file=" + script), Duration.ofMinutes(2), "configure PostgreSQL");
    }

    private void launch() throws IOException {
        var command = List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", CONFIG,
                "-b", "127.0.0.1",
                "-Djboss.server.base.dir=" + runDirectory,
                "-Djboss.socket.binding.port-offset=" + portOffset);
        var builder = new ProcessBuilder(command)
                .directory(runDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(runDirectory.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // signed in at the shared Keycloak, as the Payara tests are (AccessControlContract says how)
        env.putAll(AccessControlContract.serverEnvironment(KeycloakServer.shared(), ApiClient.TOKEN));
        env.put("AI_PROVIDER", "demo");
        // slow enough that a generation still runs when the access tests cancel it at once
        env.put("AI_DEMO_DELAY_MS", System.getProperty("wildfly.demo.delay.ms", "1000"));
        env.put("REDIS_URL", redis.url());
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", "5432");
        env.put("DB_NAME", "test");
        env.put("DB_SCHEMA", SCHEMA);
        env.put("DB_USER", "postgres");
        // the machine's PostgreSQL trusts local connections; WildFly insists on a non-empty value
        env.put("DB_PASSWORD", "trusted");
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::killIfRunning));
    }

    private void awaitDeployment() {
        Path deployments = runDirectory.resolve("deployments");
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(deployments.resolve("ai-content-generator.war.failed"))) {
                throw new IllegalStateException("WildFly could not deploy the WAR:\n" + logTail());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue() + ":\n" + logTail());
            }
            String log = readQuietly(runDirectory.resolve("console.log"));
            if (log.contains("WFLYSRV0026")) {
                throw new IllegalStateException("WildFly started with errors:\n" + logTail());
            }
            if (log.contains("WFLYSRV0025") && Files.exists(deployments.resolve("ai-content-generator.war.deployed"))) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("WildFly did not deploy the WAR within " + BOOT_TIMEOUT + ":\n" + logTail());
    }

    private void stop() {
        try {
            stopServer();
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    private void stopServer() {
        if (process == null || !process.isAlive()) {
            return;
        }
        long stopping = System.nanoTime();
        try {
            runCli(List.of("--connect", "--controller=127.0.0.1:" + managementPort(), "--command=:shutdown"),
                    Duration.ofMinutes(1), "shut down");
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                System.out.println("WildFly did not stop after :shutdown; killing it");
            }
        } catch (RuntimeException e) {
            System.out.println("WildFly :shutdown failed (" + e.getMessage() + "); killing it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            killIfRunning();
        }
        System.out.printf("WildFly: stopped in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
    }

    private void killIfRunning() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void runCli(List<String> arguments, Duration timeout, String purpose) {
        var command = new ArrayList<>(List.of("bash", home.resolve("bin/jboss-cli.sh").toString()));
        command.addAll(arguments);
        try {
            Path output = Files.createTempFile(runDirectory.getParent(), "jboss-cli", ".log");
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process cli = builder.start();
            boolean finished = cli.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            String printed = readQuietly(output);
            Files.deleteIfExists(output);
            if (!finished) {
                cli.descendants().forEach(ProcessHandle::destroyForcibly);
                cli.destroyForcibly();
                throw new IllegalStateException("jboss-cli did not " + purpose + " within " + timeout + ":\n" + printed);
            }
            if (cli.exitValue() != 0 || printed.contains("\"outcome\" => \"failed\"")) {
                throw new IllegalStateException("jboss-cli could not " + purpose + ":\n" + printed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + purpose, e);
        }
    }

    private String logTail() {
        String log = readQuietly(runDirectory.resolve("console.log"));
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

    /** Picks an offset under which WildFly's HTTP and management ports are both free. */
    private static int freePortOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 100 + ThreadLocalRandom.current().nextInt(1900);
            if (Stream.of(8080, 8443, 8009, 9990, 9993, 4712, 4713).allMatch(port -> isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset found for WildFly");
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for WildFly", e);
        }
    }

    private static void copyRecursively(Path source, Path destination) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, destination.resolve(source.relativize(path).toString()));
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
