package com.aicontent.generation.boundary;

import com.aicontent.ApiClient;
import com.aicontent.PayaraMicroProcess;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances of the application share Redis and the database: a cancel sent to one stops the
 * generation the other runs, and the other can restart it.
 */
@ExtendWith(ArquillianExtension.class)
class CancelAcrossInstancesIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    static PayaraMicroProcess second;

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startSecondInstance() {
        second = new PayaraMicroProcess("second-instance", Map.of("AI_DEMO_DELAY_MS", "300")).start();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aCancelSentToAnotherInstanceStopsTheRunningGeneration() {
        ApiClient first = new ApiClient(URI.create(base.toString()));
        ApiClient other = new ApiClient(second.base());

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
}
