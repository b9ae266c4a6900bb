package com.aicontent.api.boundary;

import com.aicontent.DeployedApplication;
import com.aicontent.ApiClient;
import com.aicontent.progress.control.RedisFixture;
import com.aicontent.progress.entity.SessionHash;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad request gets a problem+json answer with the right status, and writes nothing to Redis. */
class ApiErrorsIT extends DeployedApplication {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.onTestRedis();

    static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = ApiClient.json(response.body());
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("title").isBlank());
        return problem;
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /api/ai-content-progress/short/status, 400",
            "GET, /api/ai-content-progress/abc*def*1234/status, 400",
            "GET, /api/ai-content-progress/abcdefghijk!/status, 400",
            "GET, /api/ai-content-progress/AAAAAAAAAAAA/status, 404",
            "POST, /api/ai-content-progress/abc*def*1234/cancel, 400",
            "POST, /api/ai-content-progress/AAAAAAAAAAAA/cancel, 404",
            "POST, /api/ai-content-progress/abcdefghijk%3F/restart, 400",
            "POST, /api/ai-content-progress/AAAAAAAAAAAA/restart, 404",
            "GET, /api/ai-content/999999999, 404",
            "GET, /api/ai-content/abc, 400",
            "GET, /api/ai-content/1/images/x, 400",
            "GET, /api/ai-content?limit=0, 400",
            "GET, /api/no-such-thing, 404",
    })
    void badPathsAndUnknownGenerationsAnswerProblems(String method, String path, int status) {
        Set<SessionHash> before = redis.documents().sessions();
        HttpResponse<String> response = "GET".equals(method) ? api.get(path) : api.post(path, null);
        problem(response, status);
        assertNoNewKeys(before);
    }

    /** Keys may expire meanwhile (earlier runs left some), but none may appear. */
    static void assertNoNewKeys(Set<SessionHash> before) {
        Set<SessionHash> added = new HashSet<>(redis.documents().sessions());
        added.removeAll(before);
        assertEquals(Set.of(), added, "no key was created");
    }

    @Test
    void anInvalidBodyNamesEveryRejectedField() {
        Set<SessionHash> before = redis.documents().sessions();
        JsonObject problem = problem(api.post("/api/ai-content",
                "{\"title\": \"\", \"language\": \"de\", \"sections\": 0, \"images\": 21}"), 400);
        List<String> fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("title", "language", "sections", "images")), problem.toString());
        assertNoNewKeys(before);
    }

    @Test
    void missingFieldsAreNamedToo() {
        JsonObject problem = problem(api.post("/api/ai-content", "{\"title\": \"Only a title\"}"), 400);
        assertTrue(problem.toString().contains("sections") && problem.toString().contains("images"), problem.toString());
    }

    @Test
    void malformedJsonAndAMissingBodyAreBadRequests() {
        problem(api.post("/api/ai-content", "{\"title\": "), 400);
        problem(api.post("/api/ai-content", "[1, 2]"), 400);
        problem(api.post("/api/ai-content", "{\"title\": \"x\", \"language\": \"en\", \"sections\": \"many\", \"images\": 0}"), 400);
        problem(api.post("/api/ai-content", null), 400);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"title\": \"" + "x".repeat(100_000) + "\", \"language\": \"en\", \"sections\": 1, \"images\": 0}";
        problem(api.post("/api/ai-content", huge), 413);

        HttpRequest chunked = api.request("/api/ai-content").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))).build();
        int status = api.send(chunked).statusCode();
        assertEquals(413, status, "a chunked body without Content-Length is measured while read");
    }

    @Test
    void aWrongMediaTypeIs415() {
        problem(api.send(api.request("/api/ai-content").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build()), 415);
    }

    @Test
    void withoutTheAdminTokenEveryApiCallIs401() {
        HttpResponse<String> none = api.send(HttpRequest.newBuilder(api.base().resolve("api/ai-content")).GET().build());
        problem(none, 401);
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> wrong = api.send(HttpRequest.newBuilder(api.base().resolve("api/ai-content-progress/AAAAAAAAAAAA/status"))
                .header("Authorization", "Bearer not-the-token").GET().build());
        JsonObject problem = problem(wrong, 401);
        assertFalse(problem.toString().contains(ApiClient.TOKEN), "the token is never echoed");
    }

    @Test
    void theStatusCarriesNoStoreAndAnETagThatAnswers304() {
        String hash = api.start("ETag", "en", 1, 0).getString("session_hash");
        JsonObject done = api.pollUntil(hash, ApiClient::terminal);
        HttpResponse<String> first = api.get("/api/ai-content-progress/" + hash + "/status");
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.contains(String.valueOf(done.getInt("version"))), etag);

        HttpResponse<String> second = api.send(api.request("/api/ai-content-progress/" + hash + "/status")
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, second.statusCode());
        assertTrue(second.body().isEmpty());

        HttpResponse<String> stale = api.send(api.request("/api/ai-content-progress/" + hash + "/status")
                .header("If-None-Match", "\"" + hash + "-1\"").GET().build());
        assertEquals(200, stale.statusCode());
    }
}
