package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Servers miscount even when the schema sets the count: extras are cut, a shortfall is asked about once, then used. */
class OpenAiCompatibleModelCountsTest {

    static final ArticleBrief EIGHT = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 8, 0);

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest();
    final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void theSchemasSetTheCountsAsMinAndMaxItems() {
        fake.model().headings(EIGHT, Cancellation.NEVER);
        fake.model().faq(EIGHT, "summary", 4, Cancellation.NEVER);
        fake.model().meta(EIGHT, "summary", Cancellation.NEVER);

        List<Map<?, ?>> schemas = fake.server().requests(CHAT).stream().<Map<?, ?>>map(call -> schemaOf(call.body())).toList();
        assertEquals(List.of(8, 8), counts(schemas.get(0), "headings"));
        assertEquals(List.of(4, 4), counts(schemas.get(1), "faq"));
        assertEquals(List.of(5, 8), counts(schemas.get(2), "keywords"));
    }

    @Test
    void aShortOutlineIsAskedForOnceMoreNamingTheShortfallAndTheFullAnswerIsUsed() {
        fake.server().behaviour().miscount(-3, true);

        Answer<List<String>> headings = fake.model().headings(EIGHT, Cancellation.NEVER);

        assertEquals(8, headings.value().size());
        assertEquals(List.of(), headings.notes());
        assertEquals(2, fake.server().requests(CHAT).size());
        String reminder = lastUserMessage(fake.server().requests(CHAT).get(1).body());
        assertTrue(reminder.contains("You wrote 5 headings, but exactly 8 are needed"), reminder);
    }

    @Test
    void anOutlineStillShortAfterTheReminderGoesOnWithWhatCameAndSaysSo() {
        fake.server().behaviour().miscount(-3, false);

        Answer<List<String>> headings = fake.model().headings(EIGHT, Cancellation.NEVER);

        assertEquals(5, headings.value().size());
        assertEquals(List.of("asked for 8 headings, got 5"), headings.notes());
        assertEquals(2, fake.server().requests(CHAT).size());
    }

    @Test
    void extraHeadingsAreCutWithoutAnotherCall() {
        fake.server().behaviour().miscount(2, false);

        Answer<List<String>> headings = fake.model().headings(EIGHT, Cancellation.NEVER);

        assertEquals(8, headings.value().size());
        assertEquals("Heading 8 by the fake-model", headings.value().getLast());
        assertEquals(1, fake.server().requests(CHAT).size());
    }

    @Test
    void anOutlineWithNoHeadingsAtAllFailsSayingSo() {
        fake.server().behaviour().miscount(-8, false);

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().headings(EIGHT, Cancellation.NEVER));

        assertTrue(failure.getMessage().startsWith("Asked for 8 headings, got none: «{\"headings\":[]}»"), failure.getMessage());
    }

    @Test
    void aShortFaqIsKeptAfterOneReminderAndTheNoteCountsIt() {
        fake.server().behaviour().miscount(-2, false);

        Answer<List<FaqEntry>> faq = fake.model().faq(EIGHT, "summary", 5, Cancellation.NEVER);

        assertEquals(3, faq.value().size());
        assertEquals(List.of("asked for 5 questions with answers, got 3"), faq.notes());
    }

    @Test
    void tooFewKeywordsAreAskedForOnceMoreAndTooManyAreCut() {
        fake.server().behaviour().miscount(-3, true);
        Answer<ArticleMeta> reminded = fake.model().meta(EIGHT, "summary", Cancellation.NEVER);
        assertEquals(5, reminded.value().keywords().size());
        assertTrue(lastUserMessage(fake.server().requests(CHAT).getLast().body()).contains("You wrote 2 keywords, but 5 to 8 are needed"));

        fake.server().behaviour().miscount(6, false);
        assertEquals(8, fake.model().meta(EIGHT, "summary", Cancellation.NEVER).value().keywords().size());
    }

    @Test
    void aPersianReminderIsInPersianWithPersianDigits() {
        fake.server().behaviour().miscount(-3, true);

        fake.model().headings(new ArticleBrief("گوجه در بالکن", Language.fa, 8, 0), Cancellation.NEVER);

        String reminder = lastUserMessage(fake.server().requests(CHAT).get(1).body());
        assertTrue(reminder.contains("شما ۵ عنوان نوشتید، اما دقیقاً ۸ عنوان لازم است"), reminder);
    }

    @SuppressWarnings("unchecked")
    private Map<?, ?> schemaOf(String body) {
        Map<String, Object> request = jsonb.fromJson(body, Map.class);
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) request.get("response_format")).get("json_schema")).get("schema");
    }

    private static List<Integer> counts(Map<?, ?> schema, String property) {
        Map<?, ?> array = (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get(property);
        return List.of(((Number) array.get("minItems")).intValue(), ((Number) array.get("maxItems")).intValue());
    }

    @SuppressWarnings("unchecked")
    private String lastUserMessage(String body) {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) jsonb.fromJson(body, Map.class).get("messages");
        return String.valueOf(messages.getLast().get("content"));
    }
}
