package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.language.Language;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code finish_reason: length}: prose is continued, JSON asked for again with a larger budget, nothing kept mid-word. */
class OpenAiCompatibleModelTruncationTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 0);
    static final List<String> OUTLINE = List.of("Choosing the pot", "Light and water", "Harvest");

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest();
    final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void everyCallCarriesTheOutputBudget() {
        fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        assertEquals(4096, request(0).get("max_tokens"));
    }

    @Test
    void noBudgetIsSentWhenTheSettingIsZero() {
        fake.model(settings -> settings.withMaxOutputTokens(0)).section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        assertFalse(request(0).containsKey("max_tokens"));
    }

    @Test
    void aSectionCutAtTheOutputLimitIsContinuedWhereItStoppedAndJoined() {
        fake.server().behaviour().cutProse(100, 250);

        Answer<String> section = fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        assertEquals(3, fake.server().requests(CHAT).size());
        StringBuilder whole = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            whole.append("Sentence ").append(i).append(" by the fake-model goes on for a while. ");
        }
        assertEquals(whole.toString().strip(), section.value());
        assertEquals(List.of(), section.notes());
        List<?> messages = (List<?>) request(1).get("messages");
        assertEquals("assistant", ((Map<?, ?>) messages.get(2)).get("role"));
        assertEquals(100, String.valueOf(((Map<?, ?>) messages.get(2)).get("content")).length());
        assertTrue(String.valueOf(((Map<?, ?>) messages.get(3)).get("content")).startsWith("Your answer was cut off. Continue exactly where it stopped"));
        assertEquals(200, String.valueOf(((Map<?, ?>) ((List<?>) request(2).get("messages")).get(2)).get("content")).length());
    }

    @Test
    void aSectionStillCutAfterTheContinuationsEndsAtItsLastFullSentenceAndSaysSo() {
        fake.server().behaviour().cutProse(100, 5000);

        Answer<String> section = fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        assertEquals(1 + ChatCompletions.CONTINUATIONS, fake.server().requests(CHAT).size());
        assertTrue(section.value().endsWith("goes on for a while."), section.value());
        assertTrue(section.value().length() <= 300 && section.value().length() > 200, section.value());
        assertTrue(section.notes().getFirst().contains("still cut at the output limit after 2 continuations"), section.notes().toString());
    }

    @Test
    void aPersianContinuationIsAskedForInPersian() {
        fake.server().behaviour().cutProse(100, 150);

        fake.model().section(new ArticleBrief("گوجه", Language.fa, 3, 0), OUTLINE, 0, Cancellation.NEVER);

        List<?> messages = (List<?>) request(1).get("messages");
        assertTrue(String.valueOf(((Map<?, ?>) messages.getLast()).get("content")).startsWith("پاسخ شما ناتمام ماند"));
    }

    @Test
    void aStructuredAnswerCutAtTheLimitIsAskedForAgainWithTwiceTheBudget() {
        fake.server().enqueue(CHAT, Reply.json(200, FakeOpenAiServer.chatCompletion("{\"headings\": [\"One\", \"Tw", null, "length", true, 5, 4096)));

        List<String> headings = fake.model().headings(BRIEF, Cancellation.NEVER).value();

        assertEquals(3, headings.size());
        assertEquals(4096, request(0).get("max_tokens"));
        assertEquals(8192, request(1).get("max_tokens"));
        assertNull(request(1).get("max_completion_tokens"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> request(int index) {
        Map<String, Object> request = jsonb.fromJson(fake.server().requests(CHAT).get(index).body(), Map.class);
        request.replaceAll((key, value) -> value instanceof Number number && key.contains("tokens") ? number.intValue() : value);
        return request;
    }
}
