package com.aicontent.ai.control;

import com.aicontent.BuiltWar;
import com.aicontent.ApiClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.CHAT_COMPLETION_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.CHAT_PROMPT_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.IMAGES;
import static com.aicontent.ai.control.FakeOpenAiServer.IMAGE_INPUT_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.IMAGE_OUTPUT_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.MARK;
import static com.aicontent.ai.control.FakeOpenAiServer.PNG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generation with {@code AI_PROVIDER=openai} end to end: the WAR on Payara Micro, Redis and
 * PostgreSQL, writing through the fake OpenAI-compatible server in this JVM over real HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class OpenAiGenerationIT {

    static final String KEY = "sk-it-openai-generation-0123456789";
    /** Started when Arquillian asks for the deployment, which is before it boots Payara. */
    static final FakeOpenAiServer MODEL = FakeOpenAiServer.start();

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-openai")
    static WebArchive war() {
        pointPayaraAtTheFakeModel();
        return BuiltWar.archive();
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void aGenerationWithTheOpenAiProviderCompletesWithModelContentInEveryPartAndCountsItsTokens() throws Exception {
        ApiClient api = new ApiClient(URI.create(base.toString()));
        int sections = 3;
        int images = 2;

        JsonObject started = api.start("Tomatoes on a balcony", "en", sections, images);
        JsonObject done = api.pollUntil(started.getString("session_hash"), ApiClient::terminal);

        assertEquals("completed", done.getString("status"), done.toString());
        JsonObject article = api.articleOnceSettled(started.getJsonNumber("ai_content_id").longValue());
        assertEquals("completed", article.getString("status"), article.toString());
        assertEquals("fake-chat", article.getString("model"));
        assertAllMarked(article.getJsonArray("headings"), sections);
        assertEquals(sections, article.getJsonArray("sections").size());
        article.getJsonArray("sections").getValuesAs(JsonObject.class)
                .forEach(section -> assertTrue(section.getString("body").contains(MARK), section.toString()));
        assertTrue(article.getString("summary").contains(MARK), article.getString("summary"));
        JsonObject meta = article.getJsonObject("meta");
        assertTrue(meta.getString("title").contains(MARK) && meta.getString("description").contains(MARK), meta.toString());
        assertEquals(5, article.getJsonArray("faq").size());
        article.getJsonArray("faq").getValuesAs(JsonObject.class).forEach(pair -> assertTrue(
                pair.getString("question").contains(MARK) && pair.getString("answer").contains(MARK), pair.toString()));
        assertEquals(images, article.getJsonArray("images").size());
        for (JsonObject image : article.getJsonArray("images").getValuesAs(JsonObject.class)) {
            assertEquals("image/png", image.getString("content_type"));
            assertFalse(image.getString("alt").isBlank());
            HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(api.request(image.getString("url")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, bytes.statusCode());
            assertEquals("image/png", bytes.headers().firstValue("Content-Type").orElseThrow());
            assertArrayEquals(PNG, bytes.body());
        }

        int chatCalls = 1 + sections + 3; // headings, sections, summary, meta, FAQ
        assertEquals(chatCalls, MODEL.requests(CHAT).size());
        assertEquals(images, MODEL.requests(IMAGES).size());
        MODEL.requests().forEach(request -> assertEquals("Bearer " + KEY, request.header("Authorization")));
        long promptTokens = chatCalls * CHAT_PROMPT_TOKENS + images * IMAGE_INPUT_TOKENS;
        long completionTokens = chatCalls * CHAT_COMPLETION_TOKENS + images * IMAGE_OUTPUT_TOKENS;
        assertEquals(promptTokens, article.getJsonNumber("prompt_tokens").longValue(), "article");
        assertEquals(completionTokens, article.getJsonNumber("completion_tokens").longValue(), "article");
        assertEquals(promptTokens, done.getJsonNumber("prompt_tokens").longValue(), "progress document");
        assertEquals(completionTokens, done.getJsonNumber("completion_tokens").longValue(), "progress document");
        assertFalse(done.toString().contains(KEY));
        assertFalse(article.toString().contains(KEY));
    }

    private static void assertAllMarked(JsonArray texts, int expected) {
        assertEquals(expected, texts.size());
        for (JsonValue text : texts) {
            assertTrue(text.toString().contains(MARK), texts.toString());
        }
    }

    /** Payara reads this file at boot ({@code --systemproperties} in arquillian.xml, qualifier payara-micro-openai). */
    private static void pointPayaraAtTheFakeModel() {
        Properties settings = new Properties();
        settings.setProperty("AI_PROVIDER", "openai");
        settings.setProperty("AI_BASE_URL", MODEL.baseUrl().toString());
        settings.setProperty("AI_API_KEY", KEY);
        settings.setProperty("AI_MODEL", "fake-chat");
        settings.setProperty("AI_IMAGE_MODEL", "fake-image");
        settings.setProperty("AI_RETRY_BASE_DELAY_MS", "50");
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "fake-openai-server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            settings.store(out, "written by OpenAiGenerationIT for the Payara Micro it boots");
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }
}
