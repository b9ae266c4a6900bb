package com.aicontent.ai.control;

import com.aicontent.ai.control.ModelDialect.Adaptation;
import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.ai.entity.TokenUsage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reasoning models and other dialects: parameters a model rejects are dropped and remembered; odd answers are named. */
class OpenAiCompatibleModelDialectsTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 0);
    static final List<String> OUTLINE = List.of("Choosing the pot", "Light and water", "Harvest");

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest(settings -> settings.withTemperature(0.7));
    final Jsonb jsonb = JsonbBuilder.create();
    LogCapture log;

    @BeforeEach
    void capture() {
        log = LogCapture.of("com.aicontent.ai");
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void aReasoningModelRejectingMaxTokensAndTemperatureGetsMaxCompletionTokensWithoutTemperatureFromThenOn() {
        fake.server().behaviour().reject("max_tokens", "temperature");

        fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);
        fake.model().section(BRIEF, OUTLINE, 1, Cancellation.NEVER);

        List<Map<String, Object>> calls = requests();
        assertEquals(4, calls.size(), "two rejections, then one call per section");
        assertTrue(calls.get(0).containsKey("max_tokens") && calls.get(0).containsKey("temperature"));
        Map<String, Object> learnt = calls.getLast();
        assertFalse(learnt.containsKey("max_tokens"));
        assertFalse(learnt.containsKey("temperature"));
        assertEquals(4096, ((Number) learnt.get("max_completion_tokens")).intValue());
        assertEquals(Set.of(Adaptation.MAX_COMPLETION_TOKENS, Adaptation.NO_TEMPERATURE), fake.model().dialect().of("fake-chat"));
        assertTrue(log.all().contains("The model fake-chat does not take max_tokens (sending max_completion_tokens instead)"), log.all());
    }

    @Test
    void aModelThatTakesNoTokenLimitAtAllIsAskedWithout() {
        fake.server().behaviour().reject("max_tokens", "max_completion_tokens", "temperature");

        fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        Map<String, Object> last = requests().getLast();
        assertFalse(last.containsKey("max_tokens") || last.containsKey("max_completion_tokens") || last.containsKey("temperature"));
    }

    @Test
    void aBudgetThatDoesNotFitTheContextIsDroppedAsVllmAsksForIt() {
        fake.server().enqueue(CHAT, Reply.json(400, "{\"object\": \"error\", \"message\": \"This model's maximum context length is 4096 "
                + "tokens. However, you requested 4096 output tokens and your prompt contains at least 120 input tokens, for a total of "
                + "at least 4216 tokens.\", \"type\": \"BadRequestError\", \"code\": 400}"));

        fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        assertFalse(requests().getLast().containsKey("max_tokens"));
        assertEquals(Set.of(Adaptation.NO_TOKEN_LIMIT), fake.model().dialect().of("fake-chat"));
    }

    @Test
    void aBadRequestAboutSomethingElseStandsAndIsNotRepeated() {
        fake.server().enqueue(CHAT, Reply.json(400, "{\"error\": {\"message\": \"messages must not be empty\", \"param\": \"messages\"}}"));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("rejected the request (HTTP 400) for the chat completion for the section 1: messages must not be empty"),
                failure.getMessage());
        assertEquals(1, requests().size());
    }

    @Test
    void aRefusedStructuredAnswerFailsTheStepWithTheModelsWords() {
        fake.server().behaviour().refuse("I can't help with that.");

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().headings(BRIEF, Cancellation.NEVER));

        assertEquals("For the headings, the model refused: «I can't help with that.»", failure.getMessage());
    }

    @Test
    void anAnswerWithoutChoicesSaysSo() {
        fake.server().enqueue(CHAT, Reply.json(200, "{\"id\": \"x\", \"choices\": [], \"usage\": {\"prompt_tokens\": 1}}"));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().startsWith("The chat completion for the section 1 came back with no choices: «{\"id\""),
                failure.getMessage());
    }

    @Test
    void aNullContentSaysSoWithTheFinishReason() {
        fake.server().enqueue(CHAT, Reply.json(200, FakeOpenAiServer.chatCompletion(null, null, "stop", true, 1, 0)));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertEquals("The model answered the section 1 with no content (null, finish_reason: stop).", failure.getMessage());
    }

    @Test
    void answersWithoutUsageCountNoTokensAndTheLogSaysWhyOnce() {
        fake.server().behaviour().withoutUsage(true);

        Answer<String> first = fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);
        fake.model().section(BRIEF, OUTLINE, 1, Cancellation.NEVER);

        assertEquals(TokenUsage.NONE, first.usage());
        assertEquals(1, log.lines().stream().filter(line -> line.contains("sends no usage with its answers")).count(), log.all());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> requests() {
        return fake.server().requests(CHAT).stream().map(call -> (Map<String, Object>) jsonb.fromJson(call.body(), Map.class)).toList();
    }
}
