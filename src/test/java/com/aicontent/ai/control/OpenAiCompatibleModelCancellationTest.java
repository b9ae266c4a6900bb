package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.GenerationCancelledException;
import com.aicontent.language.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.IMAGES;
import static com.aicontent.ai.control.FakeOpenAiServer.MARK;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cancel stops the model at once: the call in flight is aborted, and no further call starts. */
class OpenAiCompatibleModelCancellationTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 2);
    static final List<String> OUTLINE = List.of("Choosing the pot", "Light and water", "Harvest");

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest(settings -> settings.withMaxConcurrentCalls(1));
    CancellationSwitch cancellation = new CancellationSwitch();

    @Test
    void aCancelInTheMiddleOfASlowCallAbortsTheConnectionAndStartsNoOtherCall() throws Exception {
        fake.server().enqueue(CHAT, Reply.slow());
        CompletableFuture<Answer<String>> section = CompletableFuture.supplyAsync(
                () -> fake.model().section(BRIEF, OUTLINE, 0, cancellation));
        assertTrue(fake.server().awaitSlowCallStarted());

        cancellation.cancel();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> section.get(10, TimeUnit.SECONDS));
        assertInstanceOf(GenerationCancelledException.class, failure.getCause(), () -> String.valueOf(failure.getCause()));
        assertTrue(fake.server().awaitSlowCallAborted(), "the server saw the client close the connection");
        assertThrows(GenerationCancelledException.class, () -> fake.model().section(BRIEF, OUTLINE, 1, cancellation));
        assertThrows(GenerationCancelledException.class, () -> fake.model().image(BRIEF, OUTLINE.get(1), 1, cancellation));
        assertEquals(1, fake.server().requests().size(), "no call after the cancel");
        assertEquals(0, cancellation.registered(), "the aborted call removed its cancel callback");
    }

    @Test
    void aCancelledGenerationMakesNoCallAtAll() {
        cancellation.cancel();

        assertThrows(GenerationCancelledException.class, () -> fake.model().headings(BRIEF, cancellation));
        assertThrows(GenerationCancelledException.class, () -> fake.model().image(BRIEF, "Harvest", 0, cancellation));
        assertEquals(0, fake.server().requests().size());
    }

    @Test
    void aCallWaitingForAFreeSlotStopsWaitingWhenCancelledAndNeverReachesTheServer() throws Exception {
        CancellationSwitch other = new CancellationSwitch();
        fake.server().enqueue(CHAT, Reply.slow());
        CompletableFuture<Answer<String>> holdsTheSlot = CompletableFuture.supplyAsync(
                () -> fake.model().section(BRIEF, OUTLINE, 0, other));
        assertTrue(fake.server().awaitSlowCallStarted());
        CompletableFuture<Answer<String>> waiting = CompletableFuture.supplyAsync(
                () -> fake.model().section(BRIEF, OUTLINE, 1, cancellation));
        awaitWaiters(1);

        cancellation.cancel();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertInstanceOf(GenerationCancelledException.class, failure.getCause(), () -> String.valueOf(failure.getCause()));
        other.cancel();
        assertThrows(ExecutionException.class, () -> holdsTheSlot.get(10, TimeUnit.SECONDS));
        assertEquals(1, fake.server().requests().size());
        assertEquals(0, fake.model().endpointLimit().taken(), "every slot was given back");
    }

    @Test
    void aCancelDuringTheBackoffBeforeARetryEndsTheWaitWithoutRetrying() throws Exception {
        fake.server().enqueue(CHAT, Reply.json(429, "{\"error\": {\"message\": \"Rate limit\"}}", "Retry-After", "60"));
        CompletableFuture<Answer<String>> section = CompletableFuture.supplyAsync(
                () -> fake.model().section(BRIEF, OUTLINE, 0, cancellation));
        awaitRequests(1);
        awaitRegistered(1);

        cancellation.cancel();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> section.get(10, TimeUnit.SECONDS));
        assertInstanceOf(GenerationCancelledException.class, failure.getCause(), () -> String.valueOf(failure.getCause()));
        assertEquals(1, fake.server().requests().size());
    }

    @Test
    void theConcurrencyLimitMakesCallsWaitTheirTurnInsteadOfFailing() {
        fake.server().enqueue(CHAT, Reply.after(Duration.ofMillis(200), Reply.chat("first " + MARK)));
        fake.server().enqueue(CHAT, Reply.after(Duration.ofMillis(200), Reply.chat("second " + MARK)));
        fake.server().enqueue(IMAGES, Reply.after(Duration.ofMillis(200), Reply.imageAsBase64(FakeOpenAiServer.PNG)));

        List<CompletableFuture<?>> calls = List.of(
                CompletableFuture.supplyAsync(() -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER)),
                CompletableFuture.supplyAsync(() -> fake.model().section(BRIEF, OUTLINE, 1, Cancellation.NEVER)),
                CompletableFuture.supplyAsync(() -> fake.model().image(BRIEF, OUTLINE.get(2), 2, Cancellation.NEVER)));
        calls.forEach(CompletableFuture::join);

        assertEquals(3, fake.server().requests().size());
        assertEquals(1, fake.server().maxInFlight(), "AI_MAX_CONCURRENT_CALLS=1 keeps one call in flight");
    }

    private void awaitWaiters(int count) throws InterruptedException {
        while (fake.model().endpointLimit().waiting() < count) {
            Thread.sleep(5);
        }
    }

    private void awaitRequests(int count) throws InterruptedException {
        while (fake.server().requests().size() < count) {
            Thread.sleep(5);
        }
    }

    private void awaitRegistered(int count) throws InterruptedException {
        while (cancellation.registered() < count) {
            Thread.sleep(5);
        }
    }
}
