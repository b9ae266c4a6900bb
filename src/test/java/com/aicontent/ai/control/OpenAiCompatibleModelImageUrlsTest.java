package com.aicontent.ai.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.ImageRefusedException;
import com.aicontent.language.Language;
import com.aicontent.ai.entity.ModelCallFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static com.aicontent.ai.control.FakeOpenAiServer.IMAGES;
import static com.aicontent.ai.control.FakeOpenAiServer.PNG;
import static com.aicontent.ai.control.FakeOpenAiServer.Reply;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image URLs are the model server's to choose: only https (or http on the model server's own
 * origin), never an inner address, no redirect to another origin. A listener of the test's own on
 * loopback proves that refused URLs were never called.
 */
class OpenAiCompatibleModelImageUrlsTest {

    static final ArticleBrief BRIEF = new ArticleBrief("Growing tomatoes on a balcony", Language.en, 3, 3);
    /** Names that stand for hosts on the internet and inside the network, without real DNS. */
    static final Map<String, String> DNS = Map.of(
            "cdn.example.org", "93.184.216.34",
            "metadata.example.org", "169.254.169.254",
            "intranet.example.org", "10.0.0.5",
            "router.example.org", "192.168.1.1",
            "ula.example.org", "fd00::1",
            "mapped.example.org", "::ffff:127.0.0.1",
            "localhost", "127.0.0.1");

    @RegisterExtension
    final FakeModelServer fake = FakeModelServer.perTest().resolvingWith(OpenAiCompatibleModelImageUrlsTest::resolve);
    LoopbackListener listener;

    @BeforeEach
    void listen() throws IOException {
        listener = new LoopbackListener();
    }

    @AfterEach
    void stopListening() throws IOException {
        listener.close();
    }

    @Test
    void anImageOnTheModelServersOwnOriginIsFetchedOverHttp() {
        fake.server().file("/files/a.png", Reply.bytes("image/png", PNG)).behaviour().imagesAt(origin() + "/files/a.png");

        assertArrayEquals(PNG, fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER).value().bytes());
    }

    @Test
    void plainHttpOnAnotherOriginIsRefusedAndNeverCalled() {
        fake.server().behaviour().imagesAt("http://127.0.0.1:" + listener.port() + "/x.png");

        ImageRefusedException refused = assertThrows(ImageRefusedException.class,
                () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        assertEquals("The image URL http://127.0.0.1:" + listener.port() + "/x.png was not fetched: it is plain http on another "
                + "origin than the model server's (only https is fetched from elsewhere). AI_IMAGE_URL_ALLOWED_HOSTS opens a host on purpose.",
                refused.getMessage());
        assertEquals(0, listener.connections());
    }

    @Test
    void httpsToLoopbackIsRefusedAfterResolvingAndNeverCalled() {
        fake.server().behaviour().imagesAt("https://localhost:" + listener.port() + "/x.png?sig=secret-signature");

        ImageRefusedException refused = assertThrows(ImageRefusedException.class,
                () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        assertTrue(refused.getMessage().contains("its host localhost resolves to 127.0.0.1, a loopback address"), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-signature"), refused.getMessage());
        assertEquals(0, listener.connections());
    }

    @ParameterizedTest
    @CsvSource({
            "https://metadata.example.org/latest/meta-data/, a link-local address",
            "https://intranet.example.org/a.png, a private address",
            "https://router.example.org/a.png, a private address",
            "https://ula.example.org/a.png, a unique-local address",
            "https://mapped.example.org/a.png, a loopback address",
            "https://[::1]/a.png, a loopback address",
            "https://169.254.169.254/a.png, a link-local address",
            "https://0.0.0.0/a.png, an unspecified address",
            "https://100.100.100.200/a.png, a shared (carrier-grade NAT) address",
            "ftp://cdn.example.org/a.png, not an absolute http(s) URL",
            "https://user:pw@cdn.example.org/a.png, a user name or password",
            "https://nowhere.example.org/a.png, does not resolve",
    })
    void innerAddressesAndOtherSchemesAreRefusedSayingWhy(String url, String reason) {
        fake.server().behaviour().imagesAt(url);

        ImageRefusedException refused = assertThrows(ImageRefusedException.class,
                () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertFalse(refused.getMessage().contains("pw@"), refused.getMessage());
    }

    @Test
    void aRedirectToAnotherOriginIsRefusedAndTheTargetNeverCalled() {
        fake.server().file("/files/a.png", Reply.redirect("http://127.0.0.1:" + listener.port() + "/b.png"))
                .behaviour().imagesAt(origin() + "/files/a.png");

        ImageRefusedException refused = assertThrows(ImageRefusedException.class,
                () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        assertTrue(refused.getMessage().contains("it is a redirect from http://127.0.0.1:" + fake.server().baseUrl().getPort()
                + " to another origin"), refused.getMessage());
        assertEquals(0, listener.connections());
    }

    @Test
    void aRedirectWithinTheOriginIsFollowed() {
        fake.server().file("/files/a.png", Reply.redirect("/files/b.png")).file("/files/b.png", Reply.bytes("image/png", PNG))
                .behaviour().imagesAt(origin() + "/files/a.png");

        assertArrayEquals(PNG, fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER).value().bytes());
    }

    @Test
    void aHostNamedInTheAllowListIsFetchedOverHttpWhateverItResolvesTo() {
        String elsewhere = "http://localhost:" + fake.server().baseUrl().getPort() + "/files/a.png";
        fake.server().file("/files/a.png", Reply.bytes("image/png", PNG)).behaviour().imagesAt(elsewhere);
        assertThrows(ImageRefusedException.class, () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        byte[] bytes = fake.model(settings -> settings.withImageUrlAllowedHosts("localhost"))
                .image(BRIEF, "Light", 0, Cancellation.NEVER).value().bytes();

        assertArrayEquals(PNG, bytes);
    }

    @Test
    void anImageHostsErrorBodyIsQuotedRedactedAndShort() {
        fake.server().file("/files/a.png", Reply.json(403, "{\"error\": \"denied for " + OpenAiSettingsBuilder.KEY + " "
                + "x".repeat(100_000) + "\"}")).behaviour().imagesAt(origin() + "/files/a.png");

        ModelCallFailedException failure = assertThrows(ModelCallFailedException.class,
                () -> fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER));

        assertTrue(failure.getMessage().contains("answered HTTP 403"), failure.getMessage());
        assertFalse(failure.getMessage().contains(OpenAiSettingsBuilder.KEY), failure.getMessage());
        assertTrue(failure.getMessage().length() < 600, failure.getMessage());
    }

    @Test
    void theImageRequestToAStorageHostNeverCarriesTheKey() {
        fake.server().file("/files/a.png", Reply.bytes("image/png", PNG)).behaviour().imagesAt(origin() + "/files/a.png");

        fake.model().image(BRIEF, "Light", 0, Cancellation.NEVER);

        assertEquals(null, fake.server().requests("/files/a.png").getFirst().header("Authorization"));
        assertEquals(1, fake.server().requests(IMAGES).size());
    }

    private String origin() {
        return "http://127.0.0.1:" + fake.server().baseUrl().getPort();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
