package com.aicontent.ai.control;

import com.aicontent.ApiClient;
import com.aicontent.BuiltWar;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

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
 * Generations with {@code AI_PROVIDER=openai} end to end: the WAR on Payara Micro, Redis and
 * PostgreSQL, writing through the fake OpenAI-compatible server in this JVM over real HTTP. One
 * generation per class of misbehaviour real servers show: miscounts, truncation, dialects and
 * refusals, huge answers and fields, hostile image URLs, Markdown with script in it, streams.
 */
@ExtendWith(ArquillianExtension.class)
class OpenAiGenerationIT {

    private static final Logger LOG = Logger.getLogger(OpenAiGenerationIT.class.getName());
    static final String KEY = "sk-it-openai-generation-0123456789";
    static final long RESPONSE_LIMIT = 1L << 20;

    /** Started as the class loads, which is before Arquillian boots Payara; reset before each test. */
    @RegisterExtension
    static final FakeModelServer FAKE = FakeModelServer.forPayara(Map.of(
            "AI_API_KEY", KEY,
            "AI_MODEL", "fake-chat",
            "AI_IMAGE_MODEL", "fake-image",
            "AI_RETRY_BASE_DELAY_MS", "50",
            "AI_TEMPERATURE", "0.7",
            "AI_MAX_RESPONSE_BYTES", String.valueOf(RESPONSE_LIMIT)));
    static final FakeOpenAiServer MODEL = FAKE.server();

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-openai")
    static WebArchive war() {
        return BuiltWar.archive();
    }

    @ArquillianResource
    URL base;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(URI.create(base.toString()));
    }

    @Test
    void aGenerationWithTheOpenAiProviderCompletesWithModelContentInEveryPartAndCountsItsTokens() throws Exception {
        int sections = 3;
        int images = 2;
        int chatCallsBefore = MODEL.requests(CHAT).size();
        int imageCallsBefore = MODEL.requests(IMAGES).size();

        Generation generation = generate("Tomatoes on a balcony", sections, images);

        assertEquals("completed", generation.status(), generation.toString());
        JsonObject article = generation.article();
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
        assertTrue(article.getJsonArray("notes").isEmpty(), article.toString());
        assertEquals(images, article.getJsonArray("images").size());
        for (JsonObject image : article.getJsonArray("images").getValuesAs(JsonObject.class)) {
            assertEquals("image/png", image.getString("content_type"));
            HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(api.request(image.getString("url")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, bytes.statusCode());
            assertArrayEquals(PNG, bytes.body());
        }
        int chatCalls = 1 + sections + 3; // headings, sections, summary, meta, FAQ
        List<FakeOpenAiServer.Recorded> calls = MODEL.requests(CHAT).subList(chatCallsBefore, MODEL.requests(CHAT).size());
        assertEquals(chatCalls, calls.size());
        assertEquals(images, MODEL.requests(IMAGES).size() - imageCallsBefore);
        calls.forEach(request -> assertEquals("Bearer " + KEY, request.header("Authorization")));
        long promptTokens = chatCalls * CHAT_PROMPT_TOKENS + images * IMAGE_INPUT_TOKENS;
        long completionTokens = chatCalls * CHAT_COMPLETION_TOKENS + images * IMAGE_OUTPUT_TOKENS;
        assertEquals(promptTokens, article.getJsonNumber("prompt_tokens").longValue(), "article");
        assertEquals(completionTokens, article.getJsonNumber("completion_tokens").longValue(), "article");
        assertEquals(promptTokens, generation.progress().getJsonNumber("prompt_tokens").longValue(), "progress document");
        assertFalse(generation.progress().toString().contains(KEY));
        assertFalse(article.toString().contains(KEY));
    }

    @Test
    void aModelThatWritesTooFewHeadingsStillGivesAnArticleWhoseTotalsAndNotesSaySo() {
        MODEL.behaviour().miscount(-2, false);

        Generation generation = generate("Miscounted tomatoes", 5, 0);

        assertEquals("completed", generation.status(), generation.toString());
        assertEquals(3, generation.article().getJsonArray("headings").size());
        assertEquals(3, generation.article().getJsonArray("sections").size());
        assertEquals(3, generation.progress().getInt("total_sections"));
        assertEquals(3, generation.progress().getInt("completed_sections"));
        assertTrue(strings(generation.article().getJsonArray("notes")).contains("asked for 5 headings, got 3"), generation.article().toString());
        assertTrue(strings(generation.progress().getJsonArray("notes")).contains("asked for 5 headings, got 3"), generation.progress().toString());
    }

    @Test
    void sectionsCutAtTheOutputLimitAreContinuedAndStoredWhole() {
        MODEL.behaviour().cutProse(150, 400);

        Generation generation = generate("Truncated tomatoes", 2, 0);

        assertEquals("completed", generation.status(), generation.toString());
        for (JsonObject section : generation.article().getJsonArray("sections").getValuesAs(JsonObject.class)) {
            assertTrue(section.getString("body").endsWith("goes on for a while."), section.getString("body"));
            assertTrue(section.getString("body").length() > 300, section.getString("body"));
        }
    }

    @Test
    void aReasoningModelThatRejectsMaxTokensAndTemperatureIsAskedWithoutThemAndCompletes() {
        MODEL.behaviour().reject("max_tokens", "temperature");
        int before = MODEL.requests(CHAT).size();

        Generation generation = generate("Reasoning tomatoes", 2, 0);

        assertEquals("completed", generation.status(), generation.toString());
        List<FakeOpenAiServer.Recorded> calls = MODEL.requests(CHAT).subList(before, MODEL.requests(CHAT).size());
        assertTrue(calls.getLast().body().contains("\"max_completion_tokens\""), calls.getLast().body());
        assertFalse(calls.getLast().body().contains("\"temperature\""), calls.getLast().body());
    }

    @Test
    void aRefusalFailsTheGenerationWithTheModelsWords() {
        MODEL.behaviour().refuse("I will not write about that.");

        Generation generation = generate("Refused tomatoes", 2, 0);

        assertEquals("failed", generation.status(), generation.toString());
        assertEquals("For the headings, the model refused: «I will not write about that.»", generation.progress().getString("error"));
    }

    @Test
    void aSixtyMegabyteAnswerFailsTheGenerationClearlyAndARestartFinishesItWithoutReadingItAgain() {
        MODEL.behaviour().hugeAnswers(60L << 20, false);

        Generation failed = generate("Huge tomatoes", 2, 0);

        assertEquals("failed", failed.status(), failed.toString());
        String error = failed.progress().getString("error");
        assertTrue(error.contains("over the limit of " + RESPONSE_LIMIT + " bytes (AI_MAX_RESPONSE_BYTES); it was not read further"), error);
        assertFalse(error.contains("internal error"), error);
        assertTrue(MODEL.hugeBytesSent() < 60L << 20, "sent " + MODEL.hugeBytesSent());

        MODEL.behaviour().reset();
        api.post("/api/ai-content-progress/" + failed.hash() + "/restart", "");
        JsonObject done = api.pollUntil(failed.hash(), ApiClient::terminal);
        assertEquals("completed", done.getString("status"), done.toString());
    }

    @Test
    void overLongHeadingsKeywordsAnswersAndBodiesAreCutToTheirColumnsAndTheArticleCompletes() {
        MODEL.behaviour().oversized(true);

        Generation generation = generate("Oversized tomatoes", 2, 0);

        assertEquals("completed", generation.status(), generation.toString());
        JsonObject article = generation.article();
        for (String heading : strings(article.getJsonArray("headings"))) {
            assertTrue(heading.length() <= 500 && heading.endsWith("…"), heading.length() + ": " + heading);
            LOG.info("a 600-character heading was stored as " + heading.length() + " characters, ending «"
                    + heading.substring(heading.length() - 20) + "»");
        }
        for (String keyword : strings(article.getJsonObject("meta").getJsonArray("keywords"))) {
            assertTrue(keyword.length() <= 200, keyword);
        }
        for (JsonObject pair : article.getJsonArray("faq").getValuesAs(JsonObject.class)) {
            assertTrue(pair.getString("question").length() <= 2000 && pair.getString("answer").length() <= 20_000);
            assertTrue(pair.getString("answer").endsWith(". …"), pair.getString("answer").substring(19_900));
        }
        for (JsonObject section : article.getJsonArray("sections").getValuesAs(JsonObject.class)) {
            assertTrue(section.getString("body").length() <= 100_000 && section.getString("body").endsWith("a while. …"));
        }
        assertTrue(article.getString("summary").length() <= 20_000);
    }

    @Test
    void anImageUrlOnAnInnerAddressFailsThatImageSayingWhyIsNeverCalledAndTheArticleCompletesWithoutIt() throws IOException {
        try (LoopbackListener listener = new LoopbackListener()) {
            MODEL.behaviour().imagesAt("https://127.0.0.1:" + listener.port() + "/steal.png");

            Generation generation = generate("Hostile tomatoes", 1, 1);

            assertEquals("completed", generation.status(), generation.toString());
            String why = "The image URL https://127.0.0.1:" + listener.port()
                    + "/steal.png was not fetched: its host 127.0.0.1 resolves to 127.0.0.1, a loopback address";
            JsonObject image = generation.progress().getJsonArray("images").getJsonObject(0);
            assertEquals("failed", image.getString("status"), image.toString());
            assertTrue(image.getString("error").startsWith(why), image.toString());
            assertEquals(0, generation.progress().getInt("completed_images"));
            assertTrue(generation.article().getJsonArray("images").isEmpty(), generation.article().toString());
            assertTrue(strings(generation.article().getJsonArray("notes")).stream().anyMatch(note -> note.startsWith("image 1 left out: " + why)),
                    generation.article().toString());
            assertEquals(0, listener.connections());
        }
    }

    @Test
    void markdownSectionsComeAsSafeHtmlWithoutScriptLinksToScriptOrImages() {
        MODEL.behaviour().hostileMarkdown(true);

        Generation generation = generate("Markdown tomatoes", 1, 0);

        assertEquals("completed", generation.status(), generation.toString());
        JsonObject section = generation.article().getJsonArray("sections").getJsonObject(0);
        assertTrue(section.getString("body").contains("<script>"), "the body is kept as the model wrote it");
        String html = section.getString("html");
        assertTrue(html.contains("<h3>Light</h3>") && html.contains("<li><strong>six hours</strong> of sun</li>"), html);
        assertTrue(html.contains("href=\"https://example.org/guide\""), html);
        assertFalse(html.contains("<script") || html.contains("javascript:") || html.contains("<img"), html);
    }

    @Test
    void aServerThatStreamsShowsTheSectionsBeingWrittenAndWritesTheSameArticle() {
        MODEL.behaviour().streams(true, Duration.ofMillis(400));
        int before = MODEL.requests(CHAT).size();

        JsonObject started = api.start("Streamed tomatoes", "en", 2, 0);
        String hash = started.getString("session_hash");
        JsonObject writing = api.pollUntil(hash, doc -> ApiClient.terminal(doc) || doc.containsKey("sections")
                && doc.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .anyMatch(section -> "writing".equals(section.getString("status", ""))));
        JsonObject section = writing.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .filter(candidate -> "writing".equals(candidate.getString("status", ""))).findFirst().orElseThrow(
                        () -> new AssertionError("no section was shown being written: " + writing));
        assertTrue(section.getInt("characters") > 0, section.toString());
        assertTrue(!section.getString("preview").isBlank() && ("Prose written by the " + MARK).startsWith(section.getString("preview")), section.toString());
        assertEquals("processing", writing.getString("status"));
        JsonObject done = api.pollUntil(hash, ApiClient::terminal);
        Generation generation = new Generation(hash, done, api.articleOnceSettled(started.getJsonNumber("ai_content_id").longValue()));
        done.getJsonArray("sections").getValuesAs(JsonObject.class).forEach(part -> {
            assertEquals("done", part.getString("status"), part.toString());
            assertFalse(part.containsKey("preview"), part.toString());
        });

        assertEquals("completed", generation.status(), generation.toString());
        generation.article().getJsonArray("sections").getValuesAs(JsonObject.class)
                .forEach(part -> assertTrue(part.getString("body").contains(MARK), part.toString()));
        assertTrue(MODEL.requests(CHAT).subList(before, MODEL.requests(CHAT).size()).stream()
                .anyMatch(call -> call.body().contains("\"stream\":true")));
        assertEquals((1 + 2 + 3) * CHAT_PROMPT_TOKENS, generation.article().getJsonNumber("prompt_tokens").longValue());
    }

    private Generation generate(String title, int sections, int images) {
        JsonObject started = api.start(title, "en", sections, images);
        String hash = started.getString("session_hash");
        JsonObject done = api.pollUntil(hash, ApiClient::terminal);
        JsonObject article = api.articleOnceSettled(started.getJsonNumber("ai_content_id").longValue());
        return new Generation(hash, done, article);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void assertAllMarked(JsonArray texts, int expected) {
        assertEquals(expected, texts.size());
        for (JsonValue text : texts) {
            assertTrue(text.toString().contains(MARK), texts.toString());
        }
    }

    /** A finished generation: its progress document and its article. */
    record Generation(String hash, JsonObject progress, JsonObject article) {

        String status() {
            return progress.getString("status");
        }
    }
}
