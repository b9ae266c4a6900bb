package com.aicontent.monitoring.control;

import com.aicontent.language.Language;
import com.aicontent.progress.control.RedisFixture;
import com.aicontent.progress.entity.PartKind;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operators' polling check, successor of the old {@code test:redis-polling [sessionHash]}:
 * writes a simulated session into Redis through the application's own progress store,
 * walks it through every step and, after each, reads it back through the live status endpoint,
 * as the browser does. Prints one PASS/FAIL line per check and a summary, exits non-zero on a
 * failure, and removes its key.
 *
 * <pre>./mvnw -q -Pselftest -Dapp.url=http://localhost:8080 [-Dtoken=...] [-Dsession=abcDEF123456] [-Dredis.url=redis://...]</pre>
 * The token defaults to the environment's ADMIN_TOKEN (which keeps it out of the process list) and
 * Redis to REDIS_URL, else 127.0.0.1:6379.
 */
public final class PollingSelfTestCommand {

    private static final int SECTIONS = 2;
    private static final int IMAGES = 2;

    private final URI appUrl;
    private final String token;
    private final RedisFixture store;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int passed;
    private int failed;

    public PollingSelfTestCommand(URI appUrl, String token, RedisFixture store, PrintStream out) {
        this.appUrl = URI.create(appUrl.toString().endsWith("/") ? appUrl.toString() : appUrl + "/");
        this.token = token;
        this.store = store;
        this.out = out;
    }

    public static void main(String[] args) {
        String url = property("app.url", null);
        String token = property("token", System.getenv("ADMIN_TOKEN"));
        String session = property("session", null);
        String redisUrl = property("redis.url", Optional.ofNullable(System.getenv("REDIS_URL")).orElse("redis://127.0.0.1:6379"));
        if (url == null || token == null) {
            System.err.println("usage: ./mvnw -q -Pselftest -Dapp.url=http://host:8080 -Dtoken=<ADMIN_TOKEN> "
                    + "[-Dsession=<12 letters and digits>] [-Dredis.url=redis://host:6379]");
            System.exit(2);
        }
        if (session != null && !SessionHash.isWellFormed(session)) {
            System.err.println("-Dsession must be 12 characters of A-Z, a-z and 0-9, got '" + session + "'");
            System.exit(2);
        }
        // the store's own INFO lines would only interleave with the checks
        Logger.getLogger("com.aicontent").setLevel(Level.WARNING);
        RedisFixture store;
        try {
            store = RedisFixture.on(redisUrl);
        } catch (RuntimeException e) {
            System.err.println("cannot use Redis at " + redisUrl.replaceAll("//[^@/]*@", "//***@") + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            var selfTest = new PollingSelfTestCommand(URI.create(url), token, store, System.out);
            boolean ok = selfTest.run(Optional.ofNullable(session).map(SessionHash::new));
            System.exit(ok ? 0 : 1);
        } finally {
            store.close();
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Runs every check; true when all passed. */
    public boolean run(Optional<SessionHash> requested) {
        SessionHash hash = requested.orElseGet(SessionHash::random);
        out.println("Polling self-test of " + appUrl + " with session " + hash);
        boolean wrote = false;
        try {
            if (!applicationAnswers(hash)) {
                return summary();
            }
            if (!createSession(hash)) {
                return summary();
            }
            wrote = true;
            walkThroughEveryStep(hash);
        } catch (RuntimeException e) {
            fail("the self-test stopped: " + e);
        } finally {
            if (wrote) {
                cleanUp(hash);
            }
        }
        return summary();
    }

    private boolean applicationAnswers(SessionHash hash) {
        Optional<HttpResponse<String>> response = status(hash, null);
        if (response.isEmpty()) {
            return false;
        }
        int code = response.get().statusCode();
        if (code == 401 || code == 403) {
            fail("the application refused the token (HTTP " + code + "): pass the server's ADMIN_TOKEN with -Dtoken or the ADMIN_TOKEN variable");
            return false;
        }
        if (store.documents().read(hash).isPresent()) {
            fail("session " + hash + " exists already; the self-test only writes sessions of its own");
            return false;
        }
        return check(code == 404, "the status endpoint answers 404 for a session not yet in Redis",
                "expected 404, got HTTP " + code + " " + abbreviate(response.get().body()));
    }

    private boolean createSession(SessionHash hash) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        WriteOutcome outcome = store.store().write(hash, new ProgressWrite.Create(ProgressDocument.pending(0, hash,
                "Polling self-test", Language.en, "Self-test: waiting", SECTIONS, IMAGES, now))).outcome();
        if (!check(outcome == WriteOutcome.CREATED, "the store created the simulated session", "the store answered " + outcome)) {
            return false;
        }
        long ttl = store.timeToLive(hash);
        check(ttl > 0, "the key has a TTL (" + ttl + " s)", "the key has no TTL (" + ttl + ")");
        Optional<JsonObject> document = readBack(hash, "pending", Step.initialization, 0);
        document.ifPresent(doc -> check(doc.getString("session_hash", "").equals(hash.value()),
                "the endpoint serves the session written to Redis", "the endpoint served " + doc.get("session_hash")));
        return document.isPresent();
    }

    private void walkThroughEveryStep(SessionHash hash) {
        long version = store.store().find(hash).orElseThrow().version();
        status(hash, null).flatMap(response -> response.headers().firstValue("ETag"))
                .ifPresent(etag -> notModifiedWhileUnchanged(hash, etag));
        store.store().write(hash, new ProgressWrite.Begin(1, "Self-test: starting"));
        for (Step step : Step.values()) {
            store.store().write(hash, new ProgressWrite.EnterStep(1, step, "Self-test: " + step.name()));
            if (step.parts() != null) {
                int count = step.parts() == PartKind.section ? SECTIONS : IMAGES;
                for (int index = 0; index < count; index++) {
                    store.store().write(hash, new ProgressWrite.PartDone(1, step.parts(), index, null));
                }
            } else {
                store.store().write(hash, new ProgressWrite.LeaveStep(1, step));
            }
            Optional<JsonObject> document = readBack(hash, "processing", step, step.endsAt());
            if (document.isEmpty()) {
                return;
            }
            long newVersion = document.get().getJsonNumber("version").longValue();
            check(newVersion > version, step.name() + ": the version moved on (" + version + " -> " + newVersion + ")",
                    step.name() + ": the version did not move on (" + version + " -> " + newVersion + ")");
            version = newVersion;
        }
        store.store().write(hash, new ProgressWrite.Complete(1, "Self-test: completed"));
        readBack(hash, "completed", Step.faq_generation, 100).ifPresent(doc ->
                check(doc.getBoolean("is_completed", false) && doc.getInt("completed_sections", -1) == SECTIONS
                                && doc.getInt("completed_images", -1) == IMAGES,
                        "completed: is_completed, all sections and images done",
                        "completed, but " + abbreviate(doc.toString())));
    }

    private void notModifiedWhileUnchanged(SessionHash hash, String etag) {
        status(hash, etag).ifPresent(response -> check(response.statusCode() == 304,
                "If-None-Match with the current ETag answers 304",
                "If-None-Match " + etag + " answered HTTP " + response.statusCode()));
    }

    private Optional<JsonObject> readBack(SessionHash hash, String status, Step step, int progress) {
        String what = step.name() + " (" + status + ", " + progress + "%)";
        Optional<HttpResponse<String>> answer = status(hash, null);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        HttpResponse<String> response = answer.get();
        if (!check(response.statusCode() == 200, what + ": the endpoint serves the document",
                what + ": expected HTTP 200, got " + response.statusCode() + " " + abbreviate(response.body())
                        + (response.statusCode() == 404 ? " (wrong URL, or the application uses another Redis?)" : ""))) {
            return Optional.empty();
        }
        JsonObject doc;
        try {
            doc = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            fail(what + ": the body is not a JSON object: " + abbreviate(response.body()));
            return Optional.empty();
        }
        String etag = response.headers().firstValue("ETag").orElse("");
        String cacheControl = response.headers().firstValue("Cache-Control").orElse("");
        boolean matches = status.equals(doc.getString("status", null))
                && step.name().equals(doc.getString("step", null))
                && doc.getInt("progress", -1) == progress
                && etag.matches("(W/)?\"([^\"]*-)?" + versionOf(doc) + "\"")
                && cacheControl.contains("no-store");
        check(matches, what + ": status, step, progress, ETag and Cache-Control as written",
                what + ": got status=" + doc.get("status") + " step=" + doc.get("step") + " progress=" + doc.get("progress")
                        + " ETag=" + etag + " Cache-Control=" + cacheControl);
        return Optional.of(doc);
    }

    private static String versionOf(JsonObject doc) {
        JsonValue version = doc.get("version");
        return version == null ? "?" : version.toString();
    }

    private void cleanUp(SessionHash hash) {
        try {
            store.delete(hash);
            status(hash, null).ifPresent(response -> check(response.statusCode() == 404,
                    "cleaned up: the key is gone and the endpoint answers 404",
                    "after cleaning up the endpoint answered HTTP " + response.statusCode()));
        } catch (RuntimeException e) {
            fail("could not remove the key of session " + hash + ": " + e.getMessage());
        }
    }

    private Optional<HttpResponse<String>> status(SessionHash hash, String ifNoneMatch) {
        URI uri = appUrl.resolve("api/ai-content-progress/" + hash + "/status");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return Optional.of(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()));
        } catch (HttpTimeoutException e) {
            fail("cannot reach " + uri + ": no answer within 10 s");
            return Optional.empty();
        } catch (ConnectException e) {
            fail("cannot reach " + uri + ": nothing answers there (connection refused); check -Dapp.url");
            return Optional.empty();
        } catch (IOException e) {
            fail("cannot reach " + uri + ": " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while calling " + uri);
            return Optional.empty();
        }
    }

    private boolean check(boolean condition, String passMessage, String failMessage) {
        if (condition) {
            passed++;
            out.println("PASS " + passMessage);
        } else {
            fail(failMessage);
        }
        return condition;
    }

    private void fail(String message) {
        failed++;
        out.println("FAIL " + message);
    }

    private boolean summary() {
        int total = passed + failed;
        out.println(failed == 0
                ? "Summary: all " + total + " checks passed"
                : "Summary: " + failed + " of " + total + " checks failed");
        return failed == 0 && passed > 0;
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
