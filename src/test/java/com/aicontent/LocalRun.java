package com.aicontent;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's run command ({@code ./mvnw -Prun}): starts Payara Micro with the WAR at {@code /},
 * and, when nothing answers at {@code REDIS_URL}, a real embedded redis-server for local use. A WAR
 * deployed on a server never does the latter; this launcher exists only for a developer's machine.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        String redisUrl = env("REDIS_URL", "redis://127.0.0.1:6379");
        URI redis = URI.create(redisUrl);
        int redisPort = redis.getPort() < 0 ? 6379 : redis.getPort();
        RedisServer embedded = null;
        if (!redisAnswers(redis.getHost(), redisPort)) {
            embedded = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            embedded.start();
            System.out.println("[run] No Redis answered at " + redis.getHost() + ":" + redisPort
                    + "; started an embedded redis-server on 127.0.0.1:" + redisPort + " (local use only, keeps nothing)");
            redisUrl = "redis://127.0.0.1:" + redisPort;
        } else {
            System.out.println("[run] Using the Redis at " + redis.getHost() + ":" + redisPort);
        }

        String port = env("PORT", "8080");
        Path target = Path.of(System.getProperty("run.target", "target"));
        Path root = Files.createTempDirectory(target, "payara-run-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + target.toAbsolutePath()));
        if (Runtime.version().feature() >= 23) {
            // Payara's Hazelcast still uses sun.misc.Unsafe, which a JDK 23+ warns about on the console
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of(
                "-jar", target.resolve("payara-micro.jar").toString(),
                "--deploy", target.resolve("ai-content-generator.war").toString(),
                "--contextroot", "/", "--port", port, "--nocluster", "--rootdir", root.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("REDIS_URL", redisUrl);
        System.out.println("[run] Starting Payara Micro; the admin panel will be at http://localhost:" + port + "/"
                + (System.getenv("ADMIN_TOKEN") == null ? "; sign in with the token it prints below, alone on a line that starts with aicg_" : ""));
        Process payara = builder.start();
        RedisServer redisToStop = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.destroy();
            try {
                payara.waitFor();
                if (redisToStop != null) {
                    redisToStop.stop();
                }
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.exit(payara.waitFor());
    }

    /** A PING answered with PONG, or with an error that shows a Redis is there (it wants a password). */
    static boolean redisAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[64];
            int n = in.read(answer);
            String text = n > 0 ? new String(answer, 0, n, StandardCharsets.US_ASCII) : "";
            return text.startsWith("+PONG") || text.startsWith("-NOAUTH") || text.startsWith("-ERR");
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
