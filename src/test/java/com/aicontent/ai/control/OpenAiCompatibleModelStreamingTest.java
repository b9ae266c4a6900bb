package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.GenerationCancelledException;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.ai.entity.TokenUsage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.CHAT_COMPLETION_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.CHAT_PROMPT_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.MARK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code stream: true}: the section grows as it arrives; servers that don't stream still work; cancel aborts the stream. */
class OpenAiCompatibleModelStreamingTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 0);
    static final List<String> OUTLINE = List.of("Choosing the pot", "Light and water", "Harvest");

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest();
    final Jsonb jsonb = JsonbBuilder.create();
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void aStreamedSectionGrowsAsItArrivesAndCountsItsTokens() {
        fake.server().behaviour().streams(true, Duration.ofMillis(2));

        Answer<String> section = fake.model().section(BRIEF, OUTLINE, 0, seen::add, Cancellation.NEVER);

        assertTrue(section.value().contains(MARK), section.value());
        assertTrue(seen.size() > 2, seen.toString());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).startsWith(seen.get(i - 1)) && seen.get(i).length() > seen.get(i - 1).length(), seen.toString());
        }
        assertEquals(section.value(), seen.getLast());
        assertEquals(new TokenUsage(CHAT_PROMPT_TOKENS, CHAT_COMPLETION_TOKENS), section.usage());
        Map<?, ?> request = jsonb.fromJson(fake.server().requests(CHAT).getFirst().body(), Map.class);
        assertEquals(true, request.get("stream"));
        assertEquals(Map.of("include_usage", true), request.get("stream_options"));
    }

    @Test
    void aServerThatDoesNotStreamAnswersPlainJsonAndTheSectionStillComes() {
        Answer<String> section = fake.model().section(BRIEF, OUTLINE, 0, seen::add, Cancellation.NEVER);

        assertTrue(section.value().contains(MARK), section.value());
        assertEquals(List.of(), seen);
    }

    @Test
    void structuredStepsAreNotStreamed() {
        fake.server().behaviour().streams(true, Duration.ZERO);

        fake.model().headings(BRIEF, Cancellation.NEVER);

        assertFalse(fake.server().requests(CHAT).getFirst().body().contains("\"stream\""));
    }

    @Test
    void aServerThatRejectsStreamOptionsIsAskedWithoutThemFromThenOn() {
        fake.server().behaviour().streams(true, Duration.ZERO).reject("stream_options");

        fake.model().section(BRIEF, OUTLINE, 0, seen::add, Cancellation.NEVER);
        fake.model().section(BRIEF, OUTLINE, 1, seen::add, Cancellation.NEVER);

        assertEquals(3, fake.server().requests(CHAT).size());
        assertTrue(fake.server().requests(CHAT).getLast().body().contains("\"stream\":true"));
    }

    @Test
    void aStreamCutAtTheOutputLimitIsContinuedAndTheTextGrowsAcrossTheContinuation() {
        fake.server().behaviour().streams(true, Duration.ZERO).cutProse(100, 180);

        Answer<String> section = fake.model().section(BRIEF, OUTLINE, 0, seen::add, Cancellation.NEVER);

        assertEquals(2, fake.server().requests(CHAT).size());
        assertTrue(seen.stream().anyMatch(text -> text.length() > 100 && text.length() < section.value().length()), seen.toString());
        assertEquals(section.value(), seen.getLast());
    }

    @Test
    void aStreamThatStopsBeforeItsEndCountsAsADroppedConnectionAndIsAskedForAgain() {
        fake.server().behaviour().streams(true, Duration.ZERO);
        fake.server().enqueue(CHAT, FakeOpenAiServer.Reply.streamEndingEarly("Half a sentence by the fa"));

        Answer<String> section = fake.model().section(BRIEF, OUTLINE, 0, seen::add, Cancellation.NEVER);

        assertEquals(2, fake.server().requests(CHAT).size());
        assertTrue(section.value().startsWith("Prose written by the " + MARK), section.value());
    }

    @Test
    void aStreamedRefusalFailsTheStep() {
        fake.server().behaviour().streams(true, Duration.ZERO).refuse("Not this one.");

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model(settings -> settings.withStream(true)).faq(BRIEF, "s", 2, Cancellation.NEVER));

        assertEquals("For the faq, the model refused: «Not this one.»", failure.getMessage());
    }

    @Test
    void aCancelAbortsTheStreamInTheMiddle() throws Exception {
        fake.server().behaviour().streams(true, Duration.ofMillis(50)).oversized(true);
        CancellationSwitch cancellation = new CancellationSwitch();
        CompletableFuture<Answer<String>> section = CompletableFuture.supplyAsync(
                () -> fake.model().section(BRIEF, OUTLINE, 0, seen::add, cancellation));
        assertTrue(fake.server().awaitStreamStarted());

        cancellation.cancel();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> section.get(10, TimeUnit.SECONDS));
        assertInstanceOf(GenerationCancelledException.class, failure.getCause());
        assertTrue(fake.server().awaitStreamAborted(), "the server saw the client go away");
        assertEquals(1, fake.server().requests(CHAT).size());
    }
}
