package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.MARK;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static com.aicontent.ai.control.OpenAiSettingsBuilder.KEY;
import static com.aicontent.ai.control.OpenAiSettingsBuilder.anOpenAiSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the client does when the server misbehaves: retry what retrying fixes, fail clearly otherwise, never leak the key. */
class OpenAiCompatibleModelFaultsTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 0);
    static final List<String> OUTLINE = List.of("Choosing the pot", "Light and water", "Harvest");
    static final String HASH = "Ab3dEf6hIj9k";

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest(settings -> settings.withMaxAttempts(3));
    LogCapture log;

    @BeforeEach
    void start() {
        log = LogCapture.of("com.aicontent.ai");
    }

    @AfterEach
    void stop() {
        log.close();
    }

    @Test
    void a429IsRetriedAfterTheDelayItsRetryAfterHeaderAsksFor() {
        fake.server().enqueue(CHAT, Reply.json(429, "{\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\"}}",
                "Retry-After", "1"));

        String section = fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER).value();

        assertTrue(section.contains(MARK));
        assertEquals(2, fake.server().requests(CHAT).size());
        assertTrue(log.all().contains("HTTP 429: Rate limit reached; attempt 1 of 3, next one in 1000 ms as the server asked"),
                log.all());
    }

    @Test
    void aRetryIsLoggedWithTheProgressTagAndTheLabelOfTheGenerationSoGrepByHashFindsIt() {
        fake.server().enqueue(CHAT, Reply.json(503, "{\"error\": {\"message\": \"Overloaded\"}}", "Retry-After", "0"));

        fake.model().section(BRIEF, OUTLINE, 0, labelled(HASH));

        String retry = log.lines().stream().filter(line -> line.contains("attempt 1 of 3")).findFirst()
                .orElseThrow(() -> new AssertionError("no retry line in: " + log.all()));
        assertTrue(retry.contains("AI-PROGRESS [" + HASH + "] chat completion for the section 1: HTTP 503: Overloaded"), retry);
        assertFalse(log.all().contains(BRIEF.title()), "no prompt text in the logs: " + log.all());
    }

    @Test
    void aRetryOfWorkWithoutALabelIsStillTaggedForGrep() {
        fake.server().enqueue(CHAT, Reply.json(503, "{\"error\": {\"message\": \"Overloaded\"}}", "Retry-After", "0"));

        fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER);

        assertTrue(log.all().contains("AI-PROGRESS chat completion for the section 1: HTTP 503"), log.all());
    }

    @Test
    void a500IsRetriedAndTheSecondAnswerIsUsed() {
        fake.server().enqueue(CHAT, Reply.json(500, "{\"error\": {\"message\": \"The server had an error\"}}"));

        assertTrue(fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER).value().contains(MARK));
        assertEquals(2, fake.server().requests(CHAT).size());
    }

    @Test
    void a5xxThatPersistsFailsAfterTheConfiguredAttemptsWithTheLastProblemInTheMessage() {
        for (int i = 0; i < 3; i++) {
            fake.server().enqueue(CHAT, Reply.json(503, "{\"error\": {\"message\": \"Overloaded\"}}"));
        }

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertEquals(3, fake.server().requests(CHAT).size());
        assertTrue(failure.getMessage().contains("3 times"), failure.getMessage());
        assertTrue(failure.getMessage().contains("HTTP 503: Overloaded"), failure.getMessage());
    }

    @Test
    void aCallThatTimesOutIsRetried() {
        try (OpenAiCompatibleModel impatient = fake.model(settings -> settings.withReadTimeout(Duration.ofMillis(300)))) {
            fake.server().enqueue(CHAT, Reply.after(Duration.ofSeconds(5), Reply.chat("too late")));

            assertTrue(impatient.section(BRIEF, OUTLINE, 0, Cancellation.NEVER).value().contains(MARK));
        }
        assertEquals(2, fake.server().requests(CHAT).size());
        assertTrue(log.all().contains("no answer within 300 ms"), log.all());
    }

    @Test
    void aCallThatKeepsTimingOutFailsSayingSo() {
        try (OpenAiCompatibleModel impatient = fake.model(settings -> settings.withReadTimeout(Duration.ofMillis(200)).withMaxAttempts(2))) {
            fake.server().enqueue(CHAT, Reply.after(Duration.ofSeconds(5), Reply.chat("too late")));
            fake.server().enqueue(CHAT, Reply.after(Duration.ofSeconds(5), Reply.chat("too late")));

            ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                    () -> impatient.section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

            assertTrue(failure.getMessage().contains("no answer within 200 ms"), failure.getMessage());
        }
        assertEquals(2, fake.server().requests(CHAT).size());
    }

    @Test
    void aDroppedConnectionIsRetried() {
        fake.server().enqueue(CHAT, Reply.dropConnection());

        assertTrue(fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER).value().contains(MARK));
        assertEquals(2, fake.server().requests(CHAT).size());
    }

    @Test
    void a401FailsAtOnceWithAMessageThatNamesTheSettingButNotTheKey() {
        // OpenAI quotes the key it got, which is exactly what must not reach the admin
        fake.server().enqueue(CHAT, Reply.json(401, """
                {"error": {"message": "Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.",
                 "type": "invalid_request_error", "code": "invalid_api_key"}}""".formatted(KEY)));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().headings(BRIEF, Cancellation.NEVER));

        assertEquals(1, fake.server().requests(CHAT).size(), "a refused key is not retried");
        assertTrue(failure.getMessage().contains("HTTP 401"), failure.getMessage());
        assertTrue(failure.getMessage().contains("AI_API_KEY"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Incorrect API key provided"), failure.getMessage());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
        assertFalse(failure.getMessage().contains("0123456789abcdef"), failure.getMessage());
    }

    @Test
    void clientErrorsAreNotRetried() {
        fake.server().enqueue(CHAT, Reply.json(404, "{\"error\": {\"message\": \"The model `nope` does not exist\"}}"));
        ModelCallFailedException notFound = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));
        fake.server().enqueue(CHAT, Reply.json(403, "{\"error\": {\"message\": \"Project does not have access\"}}"));
        ModelCallFailedException forbidden = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));
        fake.server().enqueue(CHAT, Reply.json(400, "{\"error\": {\"message\": \"Invalid messages\"}}"));
        ModelCallFailedException badRequest = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertEquals(3, fake.server().requests(CHAT).size());
        assertTrue(notFound.getMessage().contains("HTTP 404") && notFound.getMessage().contains("AI_MODEL"), notFound.getMessage());
        assertTrue(forbidden.getMessage().contains("HTTP 403"), forbidden.getMessage());
        assertTrue(badRequest.getMessage().contains("HTTP 400") && badRequest.getMessage().contains("Invalid messages"),
                badRequest.getMessage());
    }

    @Test
    void theKeyNeverAppearsInTheLogsEvenWhenServersEchoIt() {
        fake.server().enqueue(CHAT, Reply.json(500, "{\"error\": {\"message\": \"crashed while checking " + KEY + "\"}}"));
        fake.server().enqueue(CHAT, Reply.json(429, "{\"error\": \"slow down " + KEY + "\"}", "Retry-After", "0"));
        fake.server().enqueue(CHAT, Reply.json(400, "{\"error\": {\"message\": \"response_format is not supported, key " + KEY + "\"}}"));

        fake.model().headings(BRIEF, Cancellation.NEVER);

        assertEquals(4, fake.server().requests(CHAT).size());
        assertFalse(log.lines().isEmpty());
        assertFalse(log.all().contains(KEY), log.all());
        assertTrue(log.all().contains("[redacted]"), log.all());
    }

    @Test
    void aServerThatRefusesResponseFormatIsAskedAgainWithoutItAndNeverSentItAgain() {
        fake.server().enqueue(CHAT, Reply.json(400, "{\"error\": {\"message\": \"'response_format.type' must be 'json_object' or 'text'\"}}"));
        fake.server().enqueue(CHAT, Reply.chat("```json\n{\"headings\": [\"One\", \"Two\", \"Three\"]}\n```"));

        assertEquals(List.of("One", "Two", "Three"), fake.model().headings(BRIEF, labelled(HASH)).value());
        fake.model().meta(BRIEF, "summary", Cancellation.NEVER);

        List<FakeOpenAiServer.Recorded> calls = fake.server().requests(CHAT);
        assertEquals(3, calls.size());
        assertTrue(calls.get(0).body().contains("response_format"));
        assertFalse(calls.get(1).body().contains("response_format"));
        assertFalse(calls.get(2).body().contains("response_format"));
        assertTrue(log.all().contains("AI-PROGRESS [" + HASH + "] The model fake-chat does not take response_format"), log.all());
    }

    @Test
    void anAnswerThatIsNotAChatCompletionFailsSayingWhatCameBack() {
        fake.server().enqueue(CHAT, Reply.bytes("text/html", "<html><body>Welcome to nginx!</body></html>".getBytes()));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("Welcome to nginx!"), failure.getMessage());
        assertTrue(failure.getMessage().contains("AI_BASE_URL"), failure.getMessage());
    }

    @Test
    void anUnreachableServerFailsAfterItsAttemptsSayingItCouldNotConnect() {
        var unreachable = java.net.URI.create("http://127.0.0.1:" + freePort() + "/v1");
        try (OpenAiCompatibleModel nowhere = new OpenAiCompatibleModel(anOpenAiSettings(unreachable).withMaxAttempts(2).build())) {
            ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                    () -> nowhere.section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

            assertTrue(failure.getMessage().contains("failed the chat completion for the section 1 2 times"), failure.getMessage());
            assertTrue(failure.getMessage().contains("connect"), failure.getMessage());
        }
    }

    /** Work that is never cancelled and names itself in log lines, as a generation run does with its hash. */
    private static Cancellation labelled(String label) {
        return new Cancellation() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Runnable onCancel(Runnable abort) {
                return () -> { };
            }

            @Override
            public String label() {
                return label;
            }
        };
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
