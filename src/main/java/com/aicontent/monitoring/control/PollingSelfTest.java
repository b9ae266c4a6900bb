package com.aicontent.monitoring.control;

import com.aicontent.monitoring.entity.SelfTestCheck;
import com.aicontent.monitoring.entity.SelfTestReport;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operators' polling check, successor of the old system's {@code test:redis-polling [sessionHash]}:
 * writes a simulated session through the progress store, walks it through all seven steps and,
 * after each, reads it back through the live status endpoint as the browser does (status, step,
 * progress, version, ETag, Cache-Control, a 304 for an unchanged ETag). Then it removes the key.
 * One implementation for the JMX operation, the API call and the command of the WAR.
 */
public final class PollingSelfTest {

    static final int SECTIONS = 2;
    static final int IMAGES = 2;

    private final SelfTestSessions sessions;
    private final StatusEndpoint endpoint;
    private final String credentialHint;

    /** @param credentialHint what to do when the application refuses the credential */
    public PollingSelfTest(SelfTestSessions sessions, StatusEndpoint endpoint, String credentialHint) {
        this.sessions = sessions;
        this.endpoint = endpoint;
        this.credentialHint = credentialHint;
    }

    /** Runs every check, telling {@code listener} each one as it is done. */
    public SelfTestReport run(Optional<SessionHash> requested, Consumer<SelfTestCheck> listener) {
        Run run = new Run(requested.orElseGet(SessionHash::random), listener);
        long started = System.nanoTime();
        try {
            if (run.applicationAnswers() && run.createSession()) {
                run.walkThroughEveryStep();
            }
        } catch (SelfTestStopped e) {
            run.fail(e.getMessage());
        } finally {
            run.cleanUp();
        }
        return SelfTestReport.of(run.hash.value(), endpoint.application().toString(), sessions.redis(),
                (System.nanoTime() - started) / 1_000_000, run.checks);
    }

    /** One run's state, so that several runs (JMX, API) may go on at once. */
    private final class Run {

        private final SessionHash hash;
        private final Consumer<SelfTestCheck> listener;
        private final List<SelfTestCheck> checks = new ArrayList<>();
        private long lastCheck = System.nanoTime();
        private boolean wrote;

        Run(SessionHash hash, Consumer<SelfTestCheck> listener) {
            this.hash = hash;
            this.listener = listener;
        }

        boolean applicationAnswers() {
            if (sessions.exists(hash)) {
                fail("session " + hash + " exists already in " + sessions.redis() + "; the self-test only writes sessions of its own");
                return false;
            }
            StatusEndpoint.Answer answer = endpoint.get(hash, null);
            if (answer.status() == 401 || answer.status() == 403) {
                fail("the application refused the token (HTTP " + answer.status() + "): " + credentialHint);
                return false;
            }
            if (answer.status() == 503) {
                fail("the application answers 503: its own Redis does not answer (its /health/ready says more)");
                return false;
            }
            return check(answer.status() == 404, "the status endpoint answers 404 for a session not yet in Redis",
                    "expected 404 for a session not yet in Redis, got HTTP " + answer.status() + " " + abbreviate(answer.body()));
        }

        boolean createSession() {
            wrote = sessions.create(hash, "Polling self-test", SECTIONS, IMAGES);
            if (!check(wrote, "the store created the simulated session in " + sessions.redis(),
                    "the store did not create session " + hash + ": one under that hash appeared meanwhile")) {
                return false;
            }
            long ttl = sessions.timeToLive(hash);
            check(ttl > 0, "the key has a TTL (" + ttl + " s)", "the key has no TTL (" + ttl + ")");
            Optional<JsonObject> pending = readBack("pending", Step.initialization, 0);
            pending.ifPresent(doc -> check(hash.value().equals(doc.getString("session_hash", "")),
                    "the endpoint serves the session written to Redis", "the endpoint served " + doc.get("session_hash")));
            return pending.isPresent();
        }

        void walkThroughEveryStep() {
            StatusEndpoint.Answer current = endpoint.get(hash, null);
            StatusEndpoint.Answer unchanged = endpoint.get(hash, current.etag());
            check(unchanged.status() == 304, "If-None-Match with the current ETag answers 304",
                    "If-None-Match " + current.etag() + " answered HTTP " + unchanged.status());
            long version = versionOf(json(current.body()));
            for (Step step : Step.values()) {
                sessions.enter(hash, step);
                if (step == Step.section_generation) {
                    for (int index = 0; index < SECTIONS; index++) {
                        sessions.sectionDone(hash, step, index);
                    }
                } else if (step == Step.image_generation) {
                    for (int index = 0; index < IMAGES; index++) {
                        sessions.imageDone(hash, step, index);
                    }
                } else {
                    sessions.finish(hash, step);
                }
                Optional<JsonObject> document = readBack("processing", step, step.endsAt());
                if (document.isEmpty()) {
                    return;
                }
                long next = versionOf(document.get());
                check(next > version, step.name() + ": the version moved on (" + version + " -> " + next + ")",
                        step.name() + ": the version did not move on (" + version + " -> " + next + ")");
                version = next;
            }
            sessions.complete(hash);
            readBack("completed", Step.faq_generation, 100).ifPresent(doc ->
                    check(doc.getBoolean("is_completed", false) && doc.getInt("completed_sections", -1) == SECTIONS
                                    && doc.getInt("completed_images", -1) == IMAGES,
                            "completed: is_completed, all sections and images done", "completed, but " + abbreviate(doc.toString())));
        }

        private Optional<JsonObject> readBack(String status, Step step, int progress) {
            String what = step.name() + " (" + status + ", " + progress + "%)";
            StatusEndpoint.Answer answer = endpoint.get(hash, null);
            if (!check(answer.status() == 200, what + ": the endpoint serves the document",
                    what + ": expected HTTP 200, got " + answer.status() + " " + abbreviate(answer.body())
                            + (answer.status() == 404 ? " (wrong URL, or the application uses another Redis?)" : ""))) {
                return Optional.empty();
            }
            Optional<JsonObject> read = json(answer.body());
            if (read.isEmpty()) {
                fail(what + ": the body is not a JSON object: " + abbreviate(answer.body()));
                return read;
            }
            JsonObject doc = read.get();
            JsonValue version = doc.get("version");
            boolean matches = status.equals(doc.getString("status", null))
                    && step.name().equals(doc.getString("step", null))
                    && doc.getInt("progress", -1) == progress
                    && answer.etag().matches("(W/)?\"([^\"]*-)?" + (version == null ? "?" : version.toString()) + "\"")
                    && answer.cacheControl().contains("no-store");
            check(matches, what + ": status, step, progress, ETag and Cache-Control as written",
                    what + ": got status=" + doc.get("status") + " step=" + doc.get("step") + " progress=" + doc.get("progress")
                            + " ETag=" + answer.etag() + " Cache-Control=" + answer.cacheControl());
            return read;
        }

        void cleanUp() {
            if (!wrote) {
                return;
            }
            try {
                sessions.delete(hash);
                int status = endpoint.get(hash, null).status();
                check(status == 404, "cleaned up: the key is gone and the endpoint answers 404",
                        "after cleaning up the endpoint answered HTTP " + status);
            } catch (SelfTestStopped e) {
                fail("could not remove the key of session " + hash + ": " + e.getMessage());
            }
        }

        private boolean check(boolean condition, String passed, String failed) {
            record(condition ? SelfTestCheck.PASS : SelfTestCheck.FAIL, condition ? passed : failed);
            return condition;
        }

        void fail(String message) {
            record(SelfTestCheck.FAIL, message);
        }

        private void record(String result, String message) {
            long now = System.nanoTime();
            SelfTestCheck done = new SelfTestCheck(result, message, (now - lastCheck) / 1_000_000);
            lastCheck = now;
            checks.add(done);
            listener.accept(done);
        }
    }

    private static long versionOf(Optional<JsonObject> document) {
        return document.map(PollingSelfTest::versionOf).orElse(-1L);
    }

    private static long versionOf(JsonObject document) {
        JsonValue version = document.get("version");
        return version instanceof JsonNumber number ? number.longValue() : -1;
    }

    private static Optional<JsonObject> json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException notAnObject) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
