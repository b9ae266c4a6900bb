package com.aicontent;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The WAR on a Payara Micro process of its own, started the way the run command starts it: a second
 * instance of the application, or one a test stops (gracefully or by killing it) and starts again on
 * the same port. Each start gets a fresh root directory: a reused one would redeploy the old
 * application.
 */
public final class PayaraMicroServer implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(1);

    private final Path payaraJar;
    private final Path war;
    private final Path workDirectory;
    private final int port;
    private final List<String> extraOptions;
    private final Map<String, String> environment;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int starts;

    public PayaraMicroServer(Path payaraJar, Path war, Path workDirectory, List<String> extraOptions,
                      Map<String, String> environment) throws IOException {
        this.payaraJar = payaraJar;
        this.war = war;
        this.workDirectory = workDirectory;
        this.extraOptions = List.copyOf(extraOptions);
        this.environment = environment;
        this.adminToken = environment.get("ADMIN_TOKEN");
        this.port = freePort();
        Files.createDirectories(workDirectory);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The log of the latest start. */
    public Path log() {
        return workDirectory.resolve("payara-" + starts + ".log");
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        starts++;
        Path root = workDirectory.resolve("payara-root-" + starts);
        deleteRecursively(root); // an earlier build's root would bring back its configuration and deployment
        Path log = workDirectory.resolve("payara-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + workDirectory.toAbsolutePath(),
                "-jar", payaraJar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--rootdir", root.toAbsolutePath().toString(),
                "--nocluster"));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // never outlive the test JVM
        awaitReady(log);
    }

    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** Stops the server at once, as a crash would: no shutdown hooks, no graceful undeploy. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Ready means the panel and an authorized API call both answer 200 (the database is reachable too). */
    private void awaitReady(Path log) throws InterruptedException, IOException {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ", see " + log);
            }
            if (answers200("/", false) && answers200("/api/ai-content?limit=1", true)) {
                return;
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("Payara Micro was not ready within " + START_LIMIT + ", see " + log);
    }

    private boolean answers200(String path, boolean authorized) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10));
        if (authorized) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
