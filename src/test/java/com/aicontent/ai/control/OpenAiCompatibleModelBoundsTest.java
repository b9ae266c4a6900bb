package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static com.aicontent.ai.control.FakeOpenAiServer.CHAT;
import static com.aicontent.ai.control.FakeOpenAiServer.IMAGES;
import static com.aicontent.ai.control.FakeOpenAiServer.PNG;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing a server sends can exhaust memory: answers are read up to their limit as they arrive, then refused unread. */
class OpenAiCompatibleModelBoundsTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 1);
    static final List<String> OUTLINE = List.of("Choosing the pot", "Light and water", "Harvest");
    static final long SIXTY_MB = 60L << 20;
    static final long ONE_MIB = 1L << 20;

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest(settings -> settings.withMaxResponseBytes(ONE_MIB).withMaxImageBytes(ONE_MIB));

    @Test
    void aSixtyMegabyteAnswerWithoutALengthIsCutOffAtTheLimitAndNotAskedForAgain() {
        fake.server().behaviour().hugeAnswers(SIXTY_MB, false);

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("answered the chat completion for the section 1 with an answer that sent more than "
                + ONE_MIB + " bytes, over the limit of " + ONE_MIB + " bytes (AI_MAX_RESPONSE_BYTES); it was not read further"),
                failure.getMessage());
        assertEquals(1, fake.server().requests(CHAT).size(), "a limit is not a fault that another attempt fixes");
        assertTrue(fake.server().hugeBytesSent() < SIXTY_MB, "the server could not send it all: " + fake.server().hugeBytesSent());
    }

    @Test
    void anAnswerWhoseLengthIsOverTheLimitIsRefusedBeforeItsBodyIsRead() {
        fake.server().behaviour().hugeAnswers(SIXTY_MB, true);

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().headings(BRIEF, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("announced " + SIXTY_MB + " bytes, over the limit"), failure.getMessage());
    }

    @Test
    void aStreamOverTheLimitIsCutOffToo() {
        fake.server().behaviour().streams(true, java.time.Duration.ZERO).oversized(true);

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model(settings -> settings.withMaxResponseBytes(64 * 1024)).section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("(AI_MAX_RESPONSE_BYTES); it was not read further"), failure.getMessage());
    }

    @Test
    void aBase64ImageOverTheLimitIsRefusedBeforeDecoding() {
        fake.server().enqueue(IMAGES, Reply.imageAsBase64(png((int) ONE_MIB + 1)));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("over the limit of " + ONE_MIB + " bytes (AI_MAX_IMAGE_BYTES"), failure.getMessage());
    }

    @Test
    void aBase64ImageJustWithinTheLimitIsKept() {
        byte[] image = png((int) ONE_MIB);
        fake.server().enqueue(IMAGES, Reply.imageAsBase64(image));

        assertEquals(image.length, fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER).value().bytes().length);
    }

    @Test
    void aDownloadedImageOverTheLimitIsCutOff() {
        fake.server().file("/files/big.png", Reply.bytes("image/png", png((int) (3 * ONE_MIB))))
                .behaviour().imagesAt("http://127.0.0.1:" + fake.server().baseUrl().getPort() + "/files/big.png");

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("/files/big.png announced " + 3 * ONE_MIB + " bytes, over the limit of "
                + ONE_MIB + " bytes (AI_MAX_IMAGE_BYTES)"), failure.getMessage());
    }

    @Test
    void aHugeErrorBodyIsQuotedShortAndRedacted() {
        fake.server().enqueue(CHAT, Reply.json(400, "{\"error\": {\"message\": \"bad " + OpenAiSettingsBuilder.KEY + " "
                + "y".repeat(3_000_000) + "\"}}"));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().section(BRIEF, OUTLINE, 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().length() < 700, failure.getMessage());
        assertFalse(failure.getMessage().contains(OpenAiSettingsBuilder.KEY));
    }

    private static byte[] png(int size) {
        byte[] bytes = Arrays.copyOf(PNG, size);
        Arrays.fill(bytes, PNG.length, size, (byte) 7);
        return bytes;
    }
}
