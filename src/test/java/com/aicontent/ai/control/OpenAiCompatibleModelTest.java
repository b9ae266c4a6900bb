package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.TokenUsage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.CHAT_COMPLETION_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.CHAT_PROMPT_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.MARK;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static com.aicontent.ai.control.OpenAiSettingsBuilder.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text steps against a compatible server that behaves: what is sent, and what is read back. */
class OpenAiCompatibleModelTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 0);
    static final List<String> OUTLINE = List.of("Choosing the pot", "Light and water", "Harvest");

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest();
    Jsonb jsonb = JsonbBuilder.create();

    @Test
    void headingsAreAskedForWithAStrictJsonSchemaAndReadFromTheStructuredAnswer() {
        Answer<List<String>> headings = fake.model().headings(BRIEF, Cancellation.NEVER);

        assertEquals(List.of("Heading 1 by the fake-model", "Heading 2 by the fake-model", "Heading 3 by the fake-model"),
                headings.value());
        Map<String, Object> request = lastRequestTo(CHAT);
        assertEquals("fake-chat", request.get("model"));
        Map<?, ?> format = (Map<?, ?>) request.get("response_format");
        assertEquals("json_schema", format.get("type"));
        Map<?, ?> jsonSchema = (Map<?, ?>) format.get("json_schema");
        assertEquals("headings", jsonSchema.get("name"));
        assertEquals(true, jsonSchema.get("strict"));
        Map<?, ?> schema = (Map<?, ?>) jsonSchema.get("schema");
        assertEquals(false, schema.get("additionalProperties"));
        assertEquals(List.of("headings"), schema.get("required"));
    }

    @Test
    void theKeyIsSentAsABearerTokenOnEveryCall() {
        fake.model().headings(BRIEF, Cancellation.NEVER);
        fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        assertEquals(2, fake.server().requests().size());
        fake.server().requests().forEach(request -> assertEquals("Bearer " + KEY, request.header("Authorization")));
    }

    @Test
    void aServerWithoutKeyGetsNoAuthorizationHeader() {
        try (OpenAiCompatibleModel keyless = fake.model(settings -> settings.withKey(null))) {
            keyless.summary(BRIEF, OUTLINE, List.of("a", "b", "c"), Cancellation.NEVER);
        }
        assertNull(fake.server().requests().getFirst().header("Authorization"));
    }

    @Test
    void aSectionPromptCarriesTheTitleTheWholeOutlineAndItsOwnHeadingAndAsksForProse() {
        Answer<String> section = fake.model().section(BRIEF, OUTLINE, 1, Cancellation.NEVER);

        assertTrue(section.value().contains(MARK), section.value());
        Map<String, Object> request = lastRequestTo(CHAT);
        assertNull(request.get("response_format"), "sections are prose");
        String prompt = userMessage(request);
        assertTrue(prompt.contains(BRIEF.title()), prompt);
        OUTLINE.forEach(heading -> assertTrue(prompt.contains(heading), prompt));
        assertTrue(prompt.contains("section 2 of 3, \"Light and water\""), prompt);
    }

    @Test
    void aSectionLosesAHeadingLineAndReasoningTheModelAddedAroundTheProse() {
        fake.server().enqueue(CHAT, Reply.chat("<think>the user wants prose</think>\n## Light and water\n\nTomatoes love sun."));

        assertEquals("Tomatoes love sun.", fake.model().section(BRIEF, OUTLINE, 1, Cancellation.NEVER).value());
    }

    @Test
    void promptsForAPersianArticleAreWrittenInPersian() {
        ArticleBrief persian = new ArticleBrief("پرورش گوجه در بالکن", Language.fa, 3, 0);

        fake.model().section(persian, List.of("انتخاب گلدان", "نور و آب", "برداشت"), 0, Cancellation.NEVER);

        Map<String, Object> request = lastRequestTo(CHAT);
        String prompt = userMessage(request);
        assertTrue(prompt.contains("«پرورش گوجه در بالکن»"), prompt);
        assertTrue(prompt.contains("بخش ۱ از ۳"), prompt);
        assertFalse(prompt.contains("Write"), prompt);
        assertTrue(String.valueOf(((List<Map<?, ?>>) request.get("messages")).getFirst().get("content")).contains("فارسی"));
    }

    @Test
    void theSummaryIsProseWrittenFromTheWholeArticle() {
        Answer<String> summary = fake.model().summary(BRIEF, OUTLINE, List.of("Pots text.", "Water text.", "Harvest text."),
                Cancellation.NEVER);

        assertTrue(summary.value().contains(MARK));
        String prompt = userMessage(lastRequestTo(CHAT));
        assertTrue(prompt.contains("## Light and water\n\nWater text."), prompt);
    }

    @Test
    void metaIsStructuredAndCutToSearchEngineLimitsAfterTheAnswer() {
        String longTitle = "A very long meta title that goes on and on about tomatoes on balconies";
        String longDescription = "word ".repeat(60);
        fake.server().enqueue(CHAT, Reply.chat(jsonb.toJson(Map.of("title", longTitle, "description", longDescription,
                "keywords", List.of("tomatoes", "balcony", "pots", "sun", "water")))));

        ArticleMeta meta = fake.model().meta(BRIEF, "A summary.", Cancellation.NEVER).value();

        assertTrue(meta.title().length() <= ArticleMeta.MAX_TITLE, meta.title());
        assertTrue(meta.description().length() <= ArticleMeta.MAX_DESCRIPTION, meta.description());
        assertEquals(List.of("tomatoes", "balcony", "pots", "sun", "water"), meta.keywords());
        assertEquals("meta", ((Map<?, ?>) ((Map<?, ?>) lastRequestTo(CHAT).get("response_format")).get("json_schema")).get("name"));
    }

    @Test
    void theFaqHasTheRequestedNumberOfPairs() {
        List<FaqEntry> faq = fake.model().faq(BRIEF, "A summary.", 4, Cancellation.NEVER).value();

        assertEquals(4, faq.size());
        assertEquals(new FaqEntry("Question 1 to the fake-model?", "Answer 1 from the fake-model."), faq.getFirst());
    }

    @Test
    void theFaqFallsBackToTheConfiguredCountWhenTheCallerNamesNone() {
        try (OpenAiCompatibleModel configured = fake.model(settings -> settings.withFaqCount(2))) {
            assertEquals(2, configured.faq(BRIEF, "A summary.", 0, Cancellation.NEVER).value().size());
        }
    }

    @Test
    void everyAnswerCarriesTheTokensItsCallCost() {
        fake.server().enqueue(CHAT, Reply.chat("{\"headings\": [\"a\", \"b\", \"c\"]}", 100, 7));
        fake.server().enqueue(CHAT, Reply.chat("Section text.", 250, 480));

        assertEquals(new TokenUsage(100, 7), fake.model().headings(BRIEF, Cancellation.NEVER).usage());
        assertEquals(new TokenUsage(250, 480), fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER).usage());
        assertEquals(new TokenUsage(CHAT_PROMPT_TOKENS, CHAT_COMPLETION_TOKENS), fake.model().summary(BRIEF, OUTLINE,
                List.of("a", "b", "c"), Cancellation.NEVER).usage());
    }

    @Test
    void anAnswerWithoutUsageCostsNothingRatherThanFailing() {
        fake.server().enqueue(CHAT, Reply.json(200, """
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Plain text."}, "finish_reason": "stop"}]}"""));

        Answer<String> summary = fake.model().summary(BRIEF, OUTLINE, List.of("a", "b", "c"), Cancellation.NEVER);

        assertEquals("Plain text.", summary.value());
        assertEquals(TokenUsage.NONE, summary.usage());
    }

    @Test
    void theModelNameIsTheConfiguredTextModel() {
        assertEquals("fake-chat", fake.model().modelName());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastRequestTo(String path) {
        return jsonb.fromJson(fake.server().requests(path).getLast().body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static String userMessage(Map<String, Object> request) {
        return String.valueOf(((List<Map<String, Object>>) request.get("messages")).getLast().get("content"));
    }
}
