package com.aicontent.generation.boundary;

import com.aicontent.ApiClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generation end to end on Payara Micro, Redis and PostgreSQL, through the public API only. */
@ExtendWith(ArquillianExtension.class)
class GenerationLifecycleIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL base;

    ApiClient api;

    @BeforeEach
    void client() throws Exception {
        api = new ApiClient(URI.create(base.toString()));
    }

    @Test
    void aGenerationGoesThroughAllSevenStepsToCompletedAndKeepsTheArticle() {
        JsonObject started = api.start("Green tea", "en", 4, 2);
        String hash = started.getString("session_hash");
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
        assertEquals(4, done.getInt("completed_sections"));
        assertEquals(2, done.getInt("completed_images"));
        assertTrue(steps.contains("faq_generation"), "saw " + steps);

        JsonObject article = ApiClient.json(api.get("/api/ai-content/" + started.getJsonNumber("ai_content_id")).body());
        assertEquals("completed", article.getString("status"));
        assertEquals(4, article.getJsonArray("headings").size());
        assertEquals(4, article.getJsonArray("sections").size());
        assertEquals(2, article.getJsonArray("images").size());
        assertFalse(article.getString("summary").isBlank());
        assertTrue(article.getJsonObject("meta").getString("title").length() <= 60);
        assertEquals(5, article.getJsonArray("faq").size());
        assertTrue(article.getString("model").contains("demo"));
        assertTrue(article.getJsonNumber("prompt_tokens").longValue() > 0);

        String imageUrl = article.getJsonArray("images").getJsonObject(0).getString("url");
        var image = api.get(imageUrl);
        assertEquals(200, image.statusCode());
        assertEquals("image/svg+xml", image.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(image.body().contains("DEMO IMAGE"));

        List<String> recent = api.get("/api/ai-content?limit=5").body().lines().toList();
        assertTrue(String.join("", recent).contains(hash));
    }
}
