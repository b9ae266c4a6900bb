package com.aicontent.wildfly;

import com.aicontent.ApiClient;
import com.aicontent.OpenApiDocument;
import com.aicontent.monitoring.control.PollingSelfTestCommand;
import com.aicontent.progress.control.RedisFixture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same WAR on WildFly 39, through the public API: the smoke test of the second server. */
@ExtendWith(WildFlyServer.class)
class GenerationApiOnWildFlyIT {

    @Test
    void aGenerationRunsToCompletionAndItsArticleIsKept(WildFlyServer wildfly) {
        var api = new ApiClient(wildfly.baseUri());
        JsonObject started = api.start("Smoke on WildFly", "en", 2, 1);
        String hash = started.getString("session_hash");
        JsonObject done = api.pollUntil(hash, ApiClient::terminal);
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(100, done.getInt("progress"));

        var article = api.get("/api/ai-content/" + started.getJsonNumber("ai_content_id"));
        assertEquals(200, article.statusCode(), article.body());
        assertEquals(2, ApiClient.json(article.body()).getJsonArray("sections").size());
    }

    @Test
    void cancelStopsARunningGeneration(WildFlyServer wildfly) {
        var api = new ApiClient(wildfly.baseUri());
        String hash = api.start("Cancelled on WildFly", "en", 8, 8).getString("session_hash");
        var cancel = api.post("/api/ai-content-progress/" + hash + "/cancel", null);
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals("cancelled", api.pollUntil(hash, ApiClient::terminal).getString("status"));
    }

    @Test
    void aCallWithoutTheTokenIsRefusedWithAProblem(WildFlyServer wildfly) {
        var api = new ApiClient(wildfly.baseUri());
        var response = api.send(HttpRequest.newBuilder(wildfly.baseUri().resolve("api/ai-content?limit=1")).GET().build());
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void anUnknownSessionIsNotFoundAndAMalformedOneIsABadRequest(WildFlyServer wildfly) {
        var api = new ApiClient(wildfly.baseUri());
        assertEquals(404, api.get("/api/ai-content-progress/Unknown12345/status").statusCode());
        assertEquals(400, api.get("/api/ai-content-progress/bad/status").statusCode());
    }

    @Test
    void thePollingSelfTestPasses(WildFlyServer wildfly) {
        RedisFixture store = RedisFixture.on(wildfly.redis().url());
        try {
            var out = new ByteArrayOutputStream();
            boolean passed = new PollingSelfTestCommand(wildfly.baseUri(), ApiClient.TOKEN, store,
                    new PrintStream(out, true, StandardCharsets.UTF_8)).run(Optional.empty());
            assertTrue(passed, out.toString(StandardCharsets.UTF_8));
        } finally {
            store.close();
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointBodyAndProblem(WildFlyServer wildfly) {
        OpenApiDocument.assertDescribesTheApi(new ApiClient(wildfly.baseUri()));
    }

    @Test
    void theLogFollowsAGenerationByItsHashAndNeverShowsTheToken(WildFlyServer wildfly) throws Exception {
        var api = new ApiClient(wildfly.baseUri());
        String hash = api.start("Followed in the log", "en", 1, 0).getString("session_hash");
        api.pollUntil(hash, ApiClient::terminal);

        // the last line is written just after the terminal status: wait for it, a bounded while
        String log = Files.readString(wildfly.serverLog(), StandardCharsets.UTF_8);
        for (int wait = 0; wait < 60 && !log.contains("AI-PROGRESS [" + hash + "] completed after"); wait++) {
            ApiClient.pause(java.time.Duration.ofMillis(500));
            log = Files.readString(wildfly.serverLog(), StandardCharsets.UTF_8);
        }
        var lines = log.lines().filter(line -> line.contains("AI-PROGRESS") && line.contains(hash)).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("started")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("step section_generation took")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.contains("completed after")), String.join("\n", lines));
        assertFalse(log.contains(ApiClient.TOKEN), "the admin token is not in the server log");
    }
}
