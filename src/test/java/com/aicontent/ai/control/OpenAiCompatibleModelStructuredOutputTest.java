package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Servers that ignore {@code response_format}: the client uses what it can read, and says what it could not. */
class OpenAiCompatibleModelStructuredOutputTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 0);

    Jsonb jsonb = JsonbBuilder.create();
    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest();

    @Test
    void headingsAnsweredAsAProseListAreStillUsed() {
        fake.server().enqueue(CHAT, Reply.chat("Here you go:\n1. Choosing the pot\n2. Light and water\n3. Harvest"));

        assertEquals(List.of("Choosing the pot", "Light and water", "Harvest"), fake.model().headings(BRIEF, Cancellation.NEVER).value());
    }

    @Test
    void metaAnsweredAsFencedJsonIsStillUsed() {
        fake.server().enqueue(CHAT, Reply.chat("```json\n{\"title\": \"Balcony tomatoes\", \"description\": \"How to.\", "
                + "\"keywords\": [\"tomato\", \"balcony\", \"pot\", \"sun\", \"water\"]}\n```"));

        assertEquals(new ArticleMeta("Balcony tomatoes", "How to.", List.of("tomato", "balcony", "pot", "sun", "water")),
                fake.model().meta(BRIEF, "summary", Cancellation.NEVER).value());
    }

    @Test
    void faqAnsweredAsLabelledProseIsStillUsed() {
        fake.server().enqueue(CHAT, Reply.chat("Q: Sun?\nA: Six hours.\nQ: Pot?\nA: Twenty litres."));

        assertEquals(List.of(new FaqEntry("Sun?", "Six hours."), new FaqEntry("Pot?", "Twenty litres.")),
                fake.model().faq(BRIEF, "summary", 2, Cancellation.NEVER).value());
    }

    @Test
    void anUnusableAnswerFailsTheStepQuotingWhatCameBackShortened() {
        String rambling = "I think tomatoes are wonderful plants. " + "They grow and grow. ".repeat(100);
        fake.server().enqueue(CHAT, Reply.chat(rambling)).enqueue(CHAT, Reply.chat(rambling));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class, () -> fake.model().headings(BRIEF, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("asked for 3 headings"), failure.getMessage());
        assertTrue(failure.getMessage().contains("«I think tomatoes are wonderful plants."), failure.getMessage());
        assertTrue(failure.getMessage().contains("…»"), failure.getMessage());
        assertTrue(failure.getMessage().length() < 600, failure.getMessage());
    }

    @Test
    void aRefusalFailsTheStepWithTheModelsReason() {
        fake.server().enqueue(CHAT, Reply.json(200, """
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."},
                  "finish_reason": "stop"}], "usage": {"prompt_tokens": 5, "completion_tokens": 3}}"""));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class, () -> fake.model().meta(BRIEF, "s", Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("For the meta, the model refused: «I can't help with that.»"), failure.getMessage());
    }

    @Test
    void anEmptyAnswerFailsSayingWhyTheModelStopped() {
        fake.server().enqueue(CHAT, Reply.json(200, """
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": ""}, "finish_reason": "stop"}]}"""));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class, () -> fake.model().summary(BRIEF,
                List.of("a"), List.of("b"), Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("no text (finish_reason: stop)"), failure.getMessage());
        assertEquals(1, fake.server().requests(CHAT).size());
    }

    @Test
    void anAnswerCutBeforeAnyTextIsAskedForAgainWithALargerBudgetAndFailsWhenItStaysEmpty() {
        for (int i = 0; i <= ChatCompletions.CONTINUATIONS; i++) {
            fake.server().enqueue(CHAT, Reply.json(200, """
                    {"choices": [{"index": 0, "message": {"role": "assistant", "content": ""}, "finish_reason": "length"}]}"""));
        }

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class, () -> fake.model().summary(BRIEF,
                List.of("a"), List.of("b"), Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("no text (finish_reason: length); raise AI_MAX_OUTPUT_TOKENS"), failure.getMessage());
        List<Integer> budgets = fake.server().requests(CHAT).stream()
                .map(call -> ((Number) jsonb.fromJson(call.body(), Map.class).get("max_tokens")).intValue()).toList();
        assertEquals(List.of(4096, 8192, 16384), budgets);
    }
}
