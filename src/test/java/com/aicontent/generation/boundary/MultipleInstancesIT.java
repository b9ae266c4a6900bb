package com.aicontent.generation.boundary;

import com.aicontent.DeployedApplication;
import com.aicontent.IntegrationTestIsolation;
import com.aicontent.ApiClient;
import com.aicontent.PayaraMicroServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the application share Redis and the database: a cancel sent to one stops the
 * generation the other runs, and when one dies mid-generation the other fails it (so it does not
 * hang in "processing") and can restart it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultipleInstancesIT extends DeployedApplication {

    static PayaraMicroServer second;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        second = new PayaraMicroServer(Path.of(System.getProperty("payara.microJar")), Path.of(System.getProperty("it.war")),
                Path.of("target", "second-instance"),
                List.of("--addlibs", System.getProperty("payara.postgresqlJar"),
                        "--postbootcommandfile", System.getProperty("payara.postBootCommands")),
                Map.of("REDIS_URL", IntegrationTestIsolation.redisUrl(), "ADMIN_TOKEN", ApiClient.TOKEN, "AI_DEMO_DELAY_MS", "300", "GENERATION_LEASE_SECONDS", "6"));
        second.start();
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (second != null) {
            second.stop();
        }
    }

    @Test
    @Order(1)
    void aCancelSentToAnotherInstanceStopsTheRunningGeneration() {
        ApiClient first = new ApiClient(URI.create(base.toString()));
        ApiClient other = new ApiClient(second.baseUri());

        JsonObject started = first.start("Runs on the first instance", "en", 8, 8);
        String hash = started.getString("session_hash");
        first.pollUntil(hash, status -> status.getString("step").equals("section_generation"));

        var cancel = other.post("/api/ai-content-progress/" + hash + "/cancel", null);
        assertEquals(200, cancel.statusCode(), cancel.body());

        long id = started.getJsonNumber("ai_content_id").longValue();
        ApiClient.pause(Duration.ofMillis(400));
        long tokens = ApiClient.json(first.get("/api/ai-content/" + id).body()).getJsonNumber("prompt_tokens").longValue();
        ApiClient.pause(Duration.ofMillis(1500));
        JsonObject article = ApiClient.json(first.get("/api/ai-content/" + id).body());
        assertEquals(tokens, article.getJsonNumber("prompt_tokens").longValue(), "the first instance made no further model call");
        assertEquals("cancelled", article.getString("status"));
        assertEquals("cancelled", first.status(hash).getString("status"));

        var restart = other.post("/api/ai-content-progress/" + hash + "/restart", null);
        assertEquals(202, restart.statusCode(), restart.body());
        JsonObject done = first.pollUntil(hash, ApiClient::terminal);
        assertEquals("completed", done.getString("status"), "the second instance finished it: " + done);
    }

    @Test
    @Order(2)
    void aGenerationWhoseServerDiesIsFailedByAnotherInstanceAndResumesThere() throws Exception {
        ApiClient first = new ApiClient(URI.create(base.toString()));
        ApiClient dying = new ApiClient(second.baseUri());

        String hash = dying.start("Runs on the instance that dies", "en", 8, 8).getString("session_hash");
        dying.pollUntil(hash, status -> status.getString("step").equals("section_generation"));
        second.kill();

        JsonObject failed = first.pollUntil(hash, ApiClient::terminal);
        assertEquals("failed", failed.getString("status"), failed.toString());
        assertTrue(failed.getString("error").contains("stopped"), failed.toString());

        assertEquals(202, first.post("/api/ai-content-progress/" + hash + "/restart", null).statusCode());
        JsonObject done = first.pollUntil(hash, ApiClient::terminal);
        assertEquals("completed", done.getString("status"), "the surviving instance finished it: " + done);
        assertEquals(2, done.getInt("attempt"));
    }
}
