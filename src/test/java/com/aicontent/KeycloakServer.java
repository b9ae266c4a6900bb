package com.aicontent;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * A real Keycloak (the distribution the build unpacked from Maven Central) with the test realms
 * imported: {@code ai-content} (users vera/viewer, eddie and erin/editor, ada/admin, nora/no role;
 * clients ai-content-panel, ai-content-short with 2-second tokens, other-app) and {@code other}
 * (a foreign issuer). Started once per test JVM, in dev mode on free ports with an in-memory
 * database, and shared by every test that needs it; stopped when the JVM ends. Tokens are obtained
 * the way a client does: the password grant here, the browser's code flow in the panel's tests.
 */
public final class KeycloakServer {

    public static final String REALM = "ai-content";
    public static final String CLIENT = "ai-content-panel";
    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static CompletableFuture<KeycloakServer> shared;

    private final int port;
    private final String adminPassword = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private long startMillis;

    private KeycloakServer(int port) {
        this.port = port;
    }

    /**
     * Starts the Keycloak of this JVM in the background, so it boots while the first tests run
     * (IntegrationTestIsolation calls this when a test run begins); {@link #shared()} waits for it.
     */
    public static synchronized void startInBackground() {
        if (shared == null) {
            shared = CompletableFuture.supplyAsync(() -> {
                KeycloakServer server = new KeycloakServer(freePort());
                server.start();
                return server;
            });
        }
    }

    /** The one Keycloak of this JVM, started on first use (or earlier, in the background). */
    public static KeycloakServer shared() {
        startInBackground();
        try {
            return shared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The issuer of the test realm, as OIDC_ISSUER names it. */
    public String issuer() {
        return issuer(REALM);
    }

    public String issuer(String realm) {
        return baseUri() + "/realms/" + realm;
    }

    /** How long this Keycloak took from launch to answering discovery. */
    public long startMillis() {
        return startMillis;
    }

    /** The password every test user has: its name and "-password". */
    public static String passwordOf(String user) {
        return user + "-password";
    }

    /** An access token of {@code user} for {@code client} in {@code realm}, by the password grant. */
    public String accessToken(String realm, String client, String user) {
        return tokens(realm, client, user).getString("access_token");
    }

    public String accessToken(String user) {
        return accessToken(REALM, CLIENT, user);
    }

    public JsonObject tokens(String realm, String client, String user) {
        HttpResponse<String> answer = post(issuer(realm) + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", client, "username", user, "password", passwordOf(user),
                "scope", "openid profile"), null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the password grant of " + user + ": " + answer.body());
        }
        return ApiClient.json(answer.body());
    }

    /**
     * Rotates the realm's signing key: a new RSA key of a higher priority signs every token from now
     * on; the old one stays published, as a provider does during a rotation.
     */
    public void rotateSigningKey() {
        String admin = post(issuer("master") + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", adminPassword), null).body();
        String bearer = "Bearer " + ApiClient.json(admin).getString("access_token");
        HttpResponse<String> realm = send(HttpRequest.newBuilder(URI.create(baseUri() + "/admin/realms/" + REALM))
                .header("Authorization", bearer).GET().build());
        String realmId = ApiClient.json(realm.body()).getString("id");
        String component = Json.createObjectBuilder()
                .add("name", "rotated-" + System.nanoTime()).add("providerId", "rsa-generated")
                .add("providerType", "org.keycloak.keys.KeyProvider").add("parentId", realmId)
                .add("config", Json.createObjectBuilder()
                        .add("priority", Json.createArrayBuilder().add(String.valueOf(System.currentTimeMillis())))
                        .add("keySize", Json.createArrayBuilder().add("2048"))
                        .add("algorithm", Json.createArrayBuilder().add("RS256")))
                .build().toString();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUri() + "/admin/realms/" + REALM + "/components"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component)).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not add the key: " + created.statusCode() + " " + created.body());
        }
    }

    private void start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.4.0")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": the build unpacks it (mvn pre-integration-test)");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            for (String realm : new String[]{"ai-content-realm.json", "other-realm.json"}) {
                try (var in = KeycloakServer.class.getResourceAsStream("/keycloak/" + realm)) {
                    Files.copy(in, imports.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path log = home.getParent().resolve("keycloak-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm", "--db=dev-mem",
                    "--http-host=127.0.0.1")
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            long launched = System.nanoTime();
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
            awaitDiscovery(log);
            startMillis = Duration.ofNanos(System.nanoTime() - launched).toMillis();
            System.out.println("Keycloak " + home.getFileName() + " answered discovery " + startMillis + " ms after launch, on " + baseUri());
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    private void awaitDiscovery(Path log) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ApiClient.pause(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak did not answer discovery within " + START_LIMIT + ", see " + log);
    }

    private void stop() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private HttpResponse<String> post(String uri, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
