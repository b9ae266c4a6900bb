package com.aicontent.generation.boundary;

import com.aicontent.DeployedApplication;
import com.aicontent.IntegrationTestIsolation;
import com.aicontent.ApiClient;
import com.aicontent.progress.control.RedisFixture;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.SessionHash;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generations end to end on Payara Micro, the real Redis and PostgreSQL, through the public API:
 * the seven steps, cancel, restart and resume.
 */
class GenerationLifecycleIT extends DeployedApplication {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.onTestRedis();

    @Test
    void aGenerationGoesThroughAllSevenStepsToCompletedAndKeepsTheArticleInPostgres() throws Exception {
        JsonObject started = api.start("Green tea", "en", 4, 2);
        String hash = started.getString("session_hash");
        long id = started.getJsonNumber("ai_content_id").longValue();
        assertEquals("/api/ai-content-progress/" + hash + "/status", started.getString("status_url"));

        Set<String> steps = new LinkedHashSet<>();
        int[] lastProgress = {-1};
        JsonObject done = api.pollUntil(hash, status -> {
            steps.add(status.getString("step"));
            int progress = status.getInt("progress");
            assertTrue(progress >= lastProgress[0], "progress never moves backwards");
            lastProgress[0] = progress;
            return ApiClient.terminal(status);
        });
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(100, done.getInt("progress"));
        assertTrue(done.getBoolean("is_completed"));
        assertFalse(done.getBoolean("is_failed"));
        assertEquals(4, done.getInt("completed_sections"));
        assertEquals(2, done.getInt("completed_images"));
        assertEquals("Generation completed", done.getString("current_message"));
        assertTrue(steps.contains("section_generation") && steps.contains("faq_generation"), "saw " + steps);
        assertEquals(1 + 4 + 2 + 3, done.getInt("model_calls"), "headings, sections, images, summary, meta, faq");

        JsonObject article = api.articleOnceSettled(id);
        assertEquals("completed", article.getString("status"));
        assertEquals(4, article.getJsonArray("headings").size());
        assertEquals(4, article.getJsonArray("sections").size());
        assertEquals(2, article.getJsonArray("images").size());
        assertFalse(article.getString("summary").isBlank());
        assertTrue(article.getJsonObject("meta").getString("title").length() <= 60);
        assertEquals(5, article.getJsonArray("faq").size());
        assertTrue(article.getString("model").contains("demo"));
        assertEquals(done.getJsonNumber("prompt_tokens").longValue(), article.getJsonNumber("prompt_tokens").longValue());

        var image = api.get(article.getJsonArray("images").getJsonObject(0).getString("url"));
        assertEquals(200, image.statusCode());
        assertEquals("image/svg+xml", image.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(image.body().contains("DEMO IMAGE"));

        assertTrue(api.get("/api/ai-content?limit=5").body().contains(hash));
        try (Connection db = postgres(); PreparedStatement query = db.prepareStatement(
                "select status, (select count(*) from ai_content_section s where s.article_id = a.id) from ai_content a where id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the article is a row in PostgreSQL");
                assertEquals("completed", row.getString(1));
                assertEquals(4, row.getInt(2));
            }
        }
    }

    @Test
    void aPersianGenerationReportsInPersian() {
        String hash = api.start("چای سبز", "fa", 1, 0).getString("session_hash");
        JsonObject done = api.pollUntil(hash, ApiClient::terminal);
        assertEquals("completed", done.getString("status"));
        assertEquals("تولید محتوا با موفقیت انجام شد", done.getString("current_message"));
    }

    @Test
    void cancelStopsTheRunningTasksAndNoFurtherModelCallIsMade() {
        JsonObject started = api.start("Cancel me", "en", 6, 6);
        String hash = started.getString("session_hash");
        api.pollUntil(hash, status -> status.getString("step").equals("section_generation"));

        var cancel = api.post("/api/ai-content-progress/" + hash + "/cancel", null);
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals("cancelled", ApiClient.json(cancel.body()).getString("status"));
        assertEquals("cancelled", api.status(hash).getString("status"), "cancelled at once");

        assertNoFurtherModelCalls(started.getJsonNumber("ai_content_id").longValue());
        assertEquals("cancelled", api.status(hash).getString("status"), "and it stays so");
        assertEquals(200, api.post("/api/ai-content-progress/" + hash + "/cancel", null).statusCode(), "cancel is idempotent");
    }

    @Test
    void aCancelWrittenStraightIntoRedisStopsTheRunToo() {
        JsonObject started = api.start("Cancelled from Redis", "en", 6, 6);
        String hash = started.getString("session_hash");
        api.pollUntil(hash, status -> status.getString("step").equals("section_generation"));

        redis.store().write(new SessionHash(hash), new ProgressWrite.Cancel(Map.of("en", "Cancelled by an operator"), "ada"));

        long id = started.getJsonNumber("ai_content_id").longValue();
        assertNoFurtherModelCalls(id);
        JsonObject article = api.articleOnceSettled(id);
        assertEquals("cancelled", article.getString("status"), "the instance that ran it recorded the cancel");
    }

    @Test
    void restartResumesACancelledGenerationWithoutWritingFinishedPartsAgain() {
        String hash = api.start("Resume me", "en", 3, 0).getString("session_hash");
        api.pollUntil(hash, status -> status.getString("step").equals("summary_generation"));
        assertEquals(200, api.post("/api/ai-content-progress/" + hash + "/cancel", null).statusCode());
        JsonObject cancelled = api.status(hash);

        var restart = api.post("/api/ai-content-progress/" + hash + "/restart", null);
        assertEquals(202, restart.statusCode(), restart.body());
        JsonObject resumed = ApiClient.json(restart.body());
        assertEquals("processing", resumed.getString("status"));
        assertEquals(2, resumed.getInt("attempt"));
        assertTrue(resumed.getInt("progress") >= cancelled.getInt("progress"), "a restart keeps the progress made");

        JsonObject done = api.pollUntil(hash, ApiClient::terminal);
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(hash, done.getString("session_hash"));
        assertTrue(done.getInt("model_calls") <= 1 + 3 + 3, "sections were not generated again: " + done);
    }

    @Test
    void restartContinuesAFailedGenerationFromTheFailedStep() {
        String hash = api.start("Flaky summary [demo-fail:summary]", "en", 2, 1).getString("session_hash");
        JsonObject failed = api.pollUntil(hash, ApiClient::terminal);
        assertEquals("failed", failed.getString("status"));
        assertTrue(failed.getBoolean("is_failed"));
        assertTrue(failed.getString("error").contains("summary"), failed.toString());
        assertEquals(1 + 2 + 1, failed.getInt("model_calls"));

        assertEquals(202, api.post("/api/ai-content-progress/" + hash + "/restart", null).statusCode());
        JsonObject done = api.pollUntil(hash, ApiClient::terminal);
        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals(1 + 2 + 1 + 3, done.getInt("model_calls"), "only summary, meta and FAQ ran again");
    }

    @Test
    void cancelAndRestartAnswerConflictWhenTheStateDoesNotAllowThem() {
        String hash = api.start("Finished", "en", 1, 0).getString("session_hash");
        api.pollUntil(hash, ApiClient::terminal);
        var cancel = api.post("/api/ai-content-progress/" + hash + "/cancel", null);
        assertEquals(409, cancel.statusCode());
        assertEquals("application/problem+json", cancel.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(409, api.post("/api/ai-content-progress/" + hash + "/restart", null).statusCode());

        String running = api.start("Running", "en", 3, 3).getString("session_hash");
        assertEquals(409, api.post("/api/ai-content-progress/" + running + "/restart", null).statusCode());
        api.post("/api/ai-content-progress/" + running + "/cancel", null);
    }

    /** The article's token count stays put for a while: no model call answers any more. */
    private void assertNoFurtherModelCalls(long id) {
        ApiClient.pause(Duration.ofMillis(400));
        long before = ApiClient.json(api.get("/api/ai-content/" + id).body()).getJsonNumber("prompt_tokens").longValue();
        ApiClient.pause(Duration.ofMillis(1500));
        long after = ApiClient.json(api.get("/api/ai-content/" + id).body()).getJsonNumber("prompt_tokens").longValue();
        assertEquals(before, after, "no model call finished after the cancel");
    }

    static Connection postgres() throws Exception {
        return IntegrationTestIsolation.connect();
    }
}
