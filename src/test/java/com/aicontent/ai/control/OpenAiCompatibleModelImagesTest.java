package com.aicontent.ai.control;

import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.ai.entity.TokenUsage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;
import java.util.Map;

import static com.aicontent.ai.control.FakeOpenAiServer.IMAGES;
import static com.aicontent.ai.control.FakeOpenAiServer.IMAGE_INPUT_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.IMAGE_OUTPUT_TOKENS;
import static com.aicontent.ai.control.FakeOpenAiServer.PNG;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static com.aicontent.ai.control.OpenAiSettingsBuilder.KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images from {@code /images/generations}, whether the server answers base64 or a URL to fetch. */
class OpenAiCompatibleModelImagesTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 3);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest();
    Jsonb jsonb = JsonbBuilder.create();

    @Test
    void aBase64ImageIsDecodedAndTypedFromItsBytesWithTheHeadingAsAltText() {
        Answer<GeneratedImage> image = fake.model().image(BRIEF, "Light and water", 1, Cancellation.NEVER);

        assertArrayEquals(PNG, image.value().bytes());
        assertEquals("image/png", image.value().contentType());
        assertEquals("Illustration: Light and water", image.value().alt());
        assertEquals(new TokenUsage(IMAGE_INPUT_TOKENS, IMAGE_OUTPUT_TOKENS), image.usage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRequestNamesTheImageModelTheSizeAndASectionSpecificPrompt() {
        fake.model().image(BRIEF, "Light and water", 1, Cancellation.NEVER);

        FakeOpenAiServer.Recorded request = fake.server().requests(IMAGES).getFirst();
        assertEquals("Bearer " + KEY, request.header("Authorization"));
        Map<String, Object> body = jsonb.fromJson(request.body(), Map.class);
        assertEquals("fake-image", body.get("model"));
        assertEquals("256x256", body.get("size"));
        assertEquals(1, ((Number) body.get("n")).intValue());
        assertTrue(String.valueOf(body.get("prompt")).contains("Light and water"));
        assertTrue(String.valueOf(body.get("prompt")).contains(BRIEF.title()));
    }

    @Test
    void aUrlImageIsFetchedOnceWithoutTheKeyAndTypedFromItsBytesNotItsHeader() {
        fake.server().enqueue(IMAGES, Reply.imageAsUrl(fake.server().baseUrl().resolve("/files/tomato.jpg").toString()));
        fake.server().file("/files/tomato.jpg", Reply.bytes("application/octet-stream", JPEG));

        Answer<GeneratedImage> image = fake.model().image(BRIEF, "Harvest", 2, Cancellation.NEVER);

        assertArrayEquals(JPEG, image.value().bytes());
        assertEquals("image/jpeg", image.value().contentType());
        assertEquals(TokenUsage.NONE, image.usage(), "dall-e style answers report no usage");
        var downloads = fake.server().requests("/files/tomato.jpg");
        assertEquals(1, downloads.size());
        assertNull(downloads.getFirst().header("Authorization"), "the key stays with the API, not the storage host");
    }

    @Test
    void aUrlImageTakesTheServersImageTypeWhenTheBytesDoNotTell() {
        byte[] unknown = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        fake.server().enqueue(IMAGES, Reply.imageAsUrl(fake.server().baseUrl().resolve("/files/odd").toString()));
        fake.server().file("/files/odd", Reply.bytes("image/x-odd; charset=binary", unknown));

        assertEquals("image/x-odd", fake.model().image(BRIEF, "Harvest", 2, Cancellation.NEVER).value().contentType());
    }

    @Test
    void aDataUrlIsDecodedWithoutAnyDownload() {
        fake.server().enqueue(IMAGES, Reply.imageAsUrl("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG)));

        assertArrayEquals(PNG, fake.model().image(BRIEF, "Harvest", 2, Cancellation.NEVER).value().bytes());
        assertEquals(1, fake.server().requests().size());
    }

    @Test
    void aUrlThatServesNoImageFailsSayingWhatCameBack() {
        fake.server().enqueue(IMAGES, Reply.imageAsUrl(fake.server().baseUrl().resolve("/files/expired.png").toString()));
        fake.server().file("/files/expired.png", Reply.bytes("text/html", "<html>Link expired</html>".getBytes()));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().image(BRIEF, "Harvest", 2, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("not an image (text/html)"), failure.getMessage());
    }

    @Test
    void aMissingImageUrlFailsWithTheStatusTheStorageHostGave() {
        fake.server().enqueue(IMAGES, Reply.imageAsUrl(fake.server().baseUrl().resolve("/files/gone.png?sig=secret-signature").toString()));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().image(BRIEF, "Harvest", 2, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("HTTP 404"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("secret-signature"), "signed URLs are not quoted with their signature");
    }

    @Test
    void anAnswerWithoutAnyImageFailsSayingWhatCameBack() {
        fake.server().enqueue(IMAGES, Reply.json(200, "{\"created\": 1, \"data\": []}"));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().image(BRIEF, "Harvest", 2, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("without an image"), failure.getMessage());
        assertTrue(failure.getMessage().contains("\"data\": []"), failure.getMessage());
    }

    @Test
    void aServerWithoutAnImageEndpointFailsWithoutRetryNamingTheSetting() {
        fake.server().enqueue(IMAGES, Reply.json(404, "{\"detail\": \"Not Found\"}"));

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().image(BRIEF, "Harvest", 2, Cancellation.NEVER));

        assertEquals(1, fake.server().requests(IMAGES).size());
        assertTrue(failure.getMessage().contains("images/generations"), failure.getMessage());
        assertTrue(failure.getMessage().contains("AI_IMAGE_MODEL"), failure.getMessage());
    }

    @Test
    void persianArticlesGetPersianAltText() {
        ArticleBrief persian = new ArticleBrief("پرورش گوجه", Language.fa, 1, 1);

        assertEquals("تصویر: برداشت", fake.model().image(persian, "برداشت", 0, Cancellation.NEVER).value().alt());
    }
}
