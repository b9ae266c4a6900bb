package com.aicontent;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Payara Micro of our own, started as a separate process with the WAR at {@code /}: a second
 * instance of the application, or one a test may stop and start again.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private final int port;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    public PayaraMicroProcess(String name, Map<String, String> environment) {
        this.port = freePort();
        this.environment = environment;
        Path target = Path.of(System.getProperty("it.war")).getParent();
        this.log = target.resolve(name + "-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.command = new ArrayList<>(List.of(java, "-Xmx512m", "-Djava.io.tmpdir=" + target,
                "-DADMIN_TOKEN=" + ApiClient.TOKEN,
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("it.war"), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster", "--nohazelcast",
                "--addlibs", System.getProperty("payara.postgresqlJar"),
                "--postbootcommandfile", System.getProperty("payara.postBootCommands")));
    }

    /** Starts the server and waits until the application answers (401 without a token). */
    public PayaraMicroProcess start() {
        try {
            Path root = Files.createTempDirectory(log.getParent(), "payara-root-");
            List<String> withRoot = new ArrayList<>(command);
            withRoot.addAll(List.of("--rootdir", root.toString()));
            ProcessBuilder builder = new ProcessBuilder(withRoot).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start Payara Micro", e);
        }
        awaitReady(Duration.ofMinutes(3));
        return this;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base().resolve("api/ai-content"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ApiClient.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Payara Micro did not answer within " + timeout + "; see " + log);
    }

    /** Stops the server at once, as a crash or a kill would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toNanos(20), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    public static boolean warBuilt() {
        return new File(System.getProperty("it.war", "")).isFile();
    }
}
