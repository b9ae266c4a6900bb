package com.aicontent.api.boundary;

import com.aicontent.ApiClient;
import com.aicontent.KeycloakServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in and roles over the API against a real Keycloak, the same for every server (Payara Micro:
 * {@link AccessControlIT}; WildFly: AccessControlOnWildFlyIT): the role matrix, who did what, "mine",
 * forged and foreign tokens, an expired one, a rotated signing key, the failed-token limiter, the
 * per-user limit, and the security headers on tricky paths. The server runs with OIDC_ISSUER,
 * OIDC_CLIENT_ID and ADMIN_TOKEN, GENERATION_MAX_PER_USER=3, TRUSTED_PROXIES=127.0.0.1 (so each
 * test can be its own client through X-Forwarded-For), AUTH_FAILURE_LIMIT=6 and HSTS_MAX_AGE set.
 * The matrix each run observed is written to target/role-matrix-{server}.md.
 */
public abstract class AccessControlContract {

    /** What the servers under test are started with (see the class comment). */
    public static Map<String, String> serverEnvironment(KeycloakServer keycloak, String adminToken) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OIDC_ISSUER", keycloak.issuer());
        environment.put("OIDC_CLIENT_ID", KeycloakServer.CLIENT);
        environment.put("OIDC_CLOCK_SKEW_SECONDS", "1");
        environment.put("OIDC_JWKS_MIN_REFETCH_SECONDS", "1");
        environment.put("ADMIN_TOKEN", adminToken);
        environment.put("GENERATION_MAX_PER_USER", String.valueOf(MAX_PER_USER));
        environment.put("TRUSTED_PROXIES", "127.0.0.1");
        environment.put("AUTH_FAILURE_LIMIT", "6");
        environment.put("AUTH_BLOCK_SECONDS", "120");
        environment.put("HSTS_MAX_AGE", "31536000");
        return environment;
    }

    static final int MAX_PER_USER = 3;
    private static final Map<String, Map<String, Map<Who, Integer>>> OBSERVED = new ConcurrentHashMap<>();
    /** The calls in the order the matrix tests first made them, for the table. */
    private static final List<String> CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String client = "198.51.100." + (10 + CLIENTS.incrementAndGet() % 200);

    protected abstract URI base();

    protected abstract String adminToken();

    protected abstract Path serverLog();

    protected abstract String serverName();

    protected KeycloakServer keycloak() {
        return KeycloakServer.shared();
    }

    // ---- the role matrix ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(Who.class)
    public void listingGenerations(Who who) {
        expect("GET /api/ai-content", who, statusFor(who, 200), send("GET", "/api/ai-content?limit=5", who, null));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Who.class)
    public void whoAmI(Who who) {
        HttpResponse<String> answer = send("GET", "/api/auth/me", who, null);
        expect("GET /api/auth/me", who, statusFor(who, 200), answer);
        if (who.user != null && answer.statusCode() == 200) {
            assertEquals(who.user, ApiClient.json(answer.body()).getString("name"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Who.class)
    public void readingStatusAndArticle(Who who) {
        JsonObject started = start(Who.EDDIE);
        String hash = started.getString("session_hash");
        expect("GET …/{hash}/status", who, statusFor(who, 200), send("GET", "/api/ai-content-progress/" + hash + "/status", who, null));
        expect("GET /api/ai-content/{id}", who, statusFor(who, 200),
                send("GET", "/api/ai-content/" + started.getJsonNumber("ai_content_id"), who, null));
        stop(hash);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Who.class)
    public void startingAGeneration(Who who) {
        HttpResponse<String> answer = send("POST", "/api/ai-content", who, body("Started by " + who));
        expect("POST /api/ai-content", who, who == Who.VERA ? 403 : statusFor(who, 202), answer);
        if (answer.statusCode() == 202) {
            String hash = ApiClient.json(answer.body()).getString("session_hash");
            JsonObject status = status(hash);
            assertEquals(nameOf(who), status.getString("started_by"), status.toString());
            stop(hash);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Who.class)
    public void cancellingEddiesGeneration(Who who) {
        String hash = start(Who.EDDIE).getString("session_hash");
        HttpResponse<String> answer = send("POST", "/api/ai-content-progress/" + hash + "/cancel", who, null);
        expect("POST …/{hash}/cancel (eddie's)", who, actorStatus(who, 200), answer);
        if (answer.statusCode() == 200) {
            JsonObject status = status(hash);
            assertEquals("cancelled", status.getString("status"));
            assertEquals(nameOf(who), status.getString("cancelled_by"), status.toString());
            assertEquals("eddie", status.getString("started_by"));
        } else {
            stop(hash);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Who.class)
    public void restartingEddiesCancelledGeneration(Who who) {
        JsonObject started = start(Who.EDDIE);
        String hash = started.getString("session_hash");
        assertEquals(200, send("POST", "/api/ai-content-progress/" + hash + "/cancel", Who.EDDIE, null).statusCode());
        HttpResponse<String> answer = send("POST", "/api/ai-content-progress/" + hash + "/restart", who, null);
        expect("POST …/{hash}/restart (eddie's)", who, actorStatus(who, 202), answer);
        if (answer.statusCode() == 202) {
            assertEquals(nameOf(who), ApiClient.json(answer.body()).getString("restarted_by"));
            JsonObject article = ApiClient.json(send("GET", "/api/ai-content/" + started.getJsonNumber("ai_content_id"), Who.ADA, null).body());
            assertEquals("eddie", article.getString("started_by"));
            assertEquals("eddie", article.getString("cancelled_by"));
            assertEquals(nameOf(who), article.getString("restarted_by"));
            stop(hash);
        }
    }

    /** 401 for nobody, 403 for a user without the role, else {@code allowed}. */
    static int statusFor(Who who, int allowed) {
        return switch (who) {
            case NOBODY -> 401;
            case NORA -> 403;
            default -> allowed;
        };
    }

    /** Cancel and restart of eddie's generation: eddie, admins and the static token only. */
    static int actorStatus(Who who, int allowed) {
        return switch (who) {
            case NOBODY -> 401;
            case NORA, VERA, ERIN -> 403;
            default -> allowed;
        };
    }

    // ---- who did what ----

    @Test
    public void mineListsOnlyWhatTheCallerStartedAndTheLogNamesTheUserNeverTheToken() throws IOException {
        String eddies = start(Who.EDDIE).getString("session_hash");
        String adas = start(Who.ADA).getString("session_hash");
        List<JsonObject> mine;
        try (var reader = Json.createReader(new StringReader(send("GET", "/api/ai-content?limit=100&mine=true", Who.EDDIE, null).body()))) {
            mine = reader.readArray().getValuesAs(JsonObject.class);
        }
        assertTrue(mine.stream().anyMatch(item -> item.getString("session_hash").equals(eddies)));
        assertTrue(mine.stream().allMatch(item -> "eddie".equals(item.getString("started_by", null))), mine.toString());
        assertFalse(mine.stream().anyMatch(item -> item.getString("session_hash").equals(adas)));
        stop(eddies);
        stop(adas);
        String log = Files.readString(serverLog(), StandardCharsets.UTF_8);
        assertTrue(log.lines().anyMatch(line -> line.contains("AI-PROGRESS [" + eddies + "] started") && line.contains("by eddie")),
                "the start is logged with its user");
        assertFalse(log.contains(keycloak().accessToken("eddie").substring(0, 40)), "no access token in the log");
        assertFalse(log.contains(adminToken()), "no admin token in the log");
    }

    // ---- forged, foreign and expired tokens ----

    @Test
    public void forgedForeignAndTamperedTokensAre401ProblemsWithAChallenge() throws Exception {
        String real = keycloak().accessToken("ada");
        SignedJWT parsed = SignedJWT.parse(real);
        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("alg none", new PlainJWT(new PlainHeader(), claims).serialize());
        String[] parts = real.split("\\.");
        tokens.put("tampered payload", parts[0] + "." + Base64URL.encode(claims.toString().replace("\"ada\"", "\"eve\"")) + "." + parts[2]);
        tokens.put("signature of another token", parts[0] + "." + parts[1] + "." + keycloak().accessToken("vera").split("\\.")[2]);
        var forger = new RSAKeyGenerator(2048).keyID(parsed.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        forged.sign(new RSASSASigner(forger));
        tokens.put("signed by another key, same kid", forged.serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(parsed.getHeader().getKeyID()).build(), claims);
        hmac.sign(new MACSigner(new byte[32]));
        tokens.put("HS256", hmac.serialize());
        tokens.put("another issuer (realm other)", keycloak().accessToken("other", KeycloakServer.CLIENT, "ada"));
        tokens.put("another audience (other-app)", keycloak().accessToken(KeycloakServer.REALM, "other-app", "ada"));
        tokens.put("not a JWT", "abc.def");
        int clientNumber = 0;
        for (var token : tokens.entrySet()) {
            // a client of its own for each, so the failed-token limiter stays out of this test
            String forgerClient = "192.0.2." + (1 + (CLIENTS.incrementAndGet() * 10 + clientNumber++) % 250);
            HttpResponse<String> answer = sendWithToken("GET", "/api/ai-content?limit=1", token.getValue(), null, forgerClient);
            assertUnauthorized(answer, token.getKey());
        }
    }

    @Test
    public void anExpiredTokenIs401() throws Exception {
        String token = keycloak().accessToken(KeycloakServer.REALM, "ai-content-short", "ada");
        assertEquals(200, sendWithToken("GET", "/api/ai-content?limit=1", token, null, client).statusCode(), "fresh, it works");
        long expiresAt = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime();
        ApiClient.pause(Duration.ofMillis(Math.max(0, expiresAt - System.currentTimeMillis()) + 2500)); // + the 1 s skew
        HttpResponse<String> answer = sendWithToken("GET", "/api/ai-content?limit=1", token, null, client);
        assertUnauthorized(answer, "expired");
        assertTrue(answer.body().toLowerCase().contains("expired"), answer.body());
    }

    @Test
    public void aRotatedSigningKeyIsFollowed() {
        assertEquals(200, send("GET", "/api/auth/me", Who.EDDIE, null).statusCode());
        keycloak().rotateSigningKey();
        ApiClient.pause(Duration.ofMillis(1500)); // OIDC_JWKS_MIN_REFETCH_SECONDS=1 on the test servers
        assertEquals(200, send("GET", "/api/auth/me", Who.EDDIE, null).statusCode(), "a token signed with the new key");
    }

    // ---- abuse ----

    @Test
    public void repeatedRefusedTokensAreSlowedThen429WithRetryAfterWhileAValidTokenStillPasses() {
        String attacker = "203.0.113." + (1 + CLIENTS.incrementAndGet() % 250);
        int status = 0;
        int refused = 0;
        for (int attempt = 0; attempt < 10 && status != 429; attempt++) {
            HttpResponse<String> answer = sendWithToken("GET", "/api/ai-content?limit=1", "guess-" + attempt, null, attacker);
            status = answer.statusCode();
            if (status == 401) {
                refused++;
            } else {
                assertEquals(429, status, answer.body());
                assertTrue(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()) > 0);
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            }
        }
        assertEquals(429, status);
        assertEquals(5, refused, "AUTH_FAILURE_LIMIT=6: five 401s, the sixth failure blocks");
        assertEquals(429, sendWithToken("GET", "/api/ai-content?limit=1", adminToken(), null, attacker).statusCode(),
                "while blocked, the static token is not even compared");
        assertEquals(200, sendWithToken("GET", "/api/ai-content?limit=1", keycloak().accessToken("vera"), null, attacker).statusCode(),
                "a valid access token cannot be guessed, so it still passes");
        assertEquals(200, sendWithToken("GET", "/api/ai-content?limit=1", adminToken(), null, client).statusCode(),
                "other clients are not blocked");
    }

    @Test
    public void twoStartsAtOnceCannotBothTakeTheLastSlotOfGenerationMaxPerUser() throws Exception {
        List<String> running = new ArrayList<>();
        for (int i = 1; i < MAX_PER_USER; i++) {
            running.add(start(Who.ERIN).getString("session_hash"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<HttpResponse<String>>> starts = List.of(
                    () -> send("POST", "/api/ai-content", Who.ERIN, body("Race 1")),
                    () -> send("POST", "/api/ai-content", Who.ERIN, body("Race 2")));
            List<Integer> statuses = new ArrayList<>();
            List<String> started = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(starts)) {
                statuses.add(answer.get().statusCode());
                if (answer.get().statusCode() == 202) {
                    started.add(ApiClient.json(answer.get().body()).getString("session_hash"));
                } else {
                    assertTrue(answer.get().body().contains("GENERATION_MAX_PER_USER"), answer.get().body());
                }
            }
            assertEquals(List.of(202, 429), statuses.stream().sorted().toList());
            started.forEach(this::stop);
            running.forEach(this::stop);
            HttpResponse<String> again = send("POST", "/api/ai-content", Who.ERIN, body("After the others ended"));
            assertEquals(202, again.statusCode(), "ended generations give their slot back: " + again.body());
            stop(ApiClient.json(again.body()).getString("session_hash"));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- headers ----

    @Test
    public void securityHeadersAreOnEveryPathDecidedOnTheNormalisedPath() {
        for (String path : List.of("/", "/index.html", "/api/..;/index.html", "/api/%2e%2e/index.html", "/%61pi/../index.html",
                "/js/..;/index.html", "/no-such-file", "/api/ai-content", "/api/no-such-thing", "/%61pi/ai-content")) {
            HttpResponse<String> answer = sendRaw(path);
            if (answer.statusCode() / 100 == 3) {
                // Payara's own directory redirect (/js/..;/ -> /) comes before any filter: no content, same origin
                String location = answer.headers().firstValue("Location").orElse("");
                assertTrue(location.startsWith("/") || location.startsWith(base().toString().replaceAll("/$", "")), path + " -> " + location);
                continue;
            }
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertFalse(csp.isEmpty(), path + " has a Content-Security-Policy");
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("max-age=31536000; includeSubDomains", answer.headers().firstValue("Strict-Transport-Security").orElse(""), path);
            if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            }
        }
        String panel = sendRaw("/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(panel.contains("connect-src 'self' " + keycloak().baseUri()), "the provider's origin, exactly: " + panel);
    }

    @Test
    public void theSignInOptionsNeedNoTokenAndNameTheProvidersEndpoints() {
        HttpResponse<String> answer = sendRaw("/api/auth/config");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject options = ApiClient.json(answer.body());
        assertEquals("oidc", options.getString("mode"));
        assertEquals(KeycloakServer.CLIENT, options.getString("client_id"));
        assertTrue(options.getBoolean("admin_token"));
        assertEquals(keycloak().issuer() + "/protocol/openid-connect/token", options.getString("token_endpoint"));
        assertNotNull(options.getString("end_session_endpoint"));
    }

    @AfterAll
    public static void writeTheObservedMatrix() throws IOException {
        for (var server : OBSERVED.entrySet()) {
            StringBuilder table = new StringBuilder("| call |");
            for (Who who : Who.values()) {
                table.append(' ').append(who.label).append(" |");
            }
            table.append("\n|---|").append("---|".repeat(Who.values().length)).append('\n');
            CALLS.stream().distinct().filter(server.getValue()::containsKey).forEach(call -> {
                Map<Who, Integer> statuses = server.getValue().get(call);
                table.append("| ").append(call).append(" |");
                for (Who who : Who.values()) {
                    table.append(' ').append(statuses.getOrDefault(who, 0)).append(" |");
                }
                table.append('\n');
            });
            Files.writeString(Path.of("target", "role-matrix-" + server.getKey() + ".md"), table);
        }
    }

    // ---- helpers ----

    private void expect(String call, Who who, int expected, HttpResponse<String> answer) {
        CALLS.add(call);
        OBSERVED.computeIfAbsent(serverName(), key -> new ConcurrentHashMap<>())
                .computeIfAbsent(call, key -> new ConcurrentHashMap<>()).put(who, answer.statusCode());
        assertEquals(expected, answer.statusCode(), call + " as " + who.label + ": " + answer.body());
        if (expected >= 400) {
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        }
        if (expected == 401) {
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), call);
        }
        if (expected == 403) {
            assertTrue(answer.body().contains("needs the role"), answer.body());
        }
    }

    private static void assertUnauthorized(HttpResponse<String> answer, String what) {
        assertEquals(401, answer.statusCode(), what + ": " + answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0], what);
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), what);
    }

    private String nameOf(Who who) {
        return who == Who.ADMIN_TOKEN ? "admin-token" : who.user;
    }

    private static String body(String title) {
        return "{\"title\": \"" + title + "\", \"language\": \"en\", \"sections\": 12, \"images\": 0}";
    }

    private JsonObject start(Who who) {
        HttpResponse<String> answer = send("POST", "/api/ai-content", who, body("Matrix " + who));
        assertEquals(202, answer.statusCode(), answer.body());
        return ApiClient.json(answer.body());
    }

    private JsonObject status(String hash) {
        return ApiClient.json(send("GET", "/api/ai-content-progress/" + hash + "/status", Who.ADA, null).body());
    }

    /** Ends a generation of the test, so it gives its slot back. */
    private void stop(String hash) {
        send("POST", "/api/ai-content-progress/" + hash + "/cancel", Who.ADMIN_TOKEN, null);
    }

    private String tokenOf(Who who) {
        return switch (who) {
            case NOBODY -> null;
            case ADMIN_TOKEN -> adminToken();
            default -> keycloak().accessToken(who.user);
        };
    }

    private HttpResponse<String> send(String method, String path, Who who, String json) {
        return sendWithToken(method, path, tokenOf(who), json, client);
    }

    private HttpResponse<String> sendWithToken(String method, String path, String token, String json, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", forwardedFor)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> sendRaw(String path) {
        return send(HttpRequest.newBuilder(URI.create(base().toString().replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
