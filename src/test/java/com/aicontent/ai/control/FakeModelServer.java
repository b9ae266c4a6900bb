package com.aicontent.ai.control;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The fake OpenAI-compatible server, set up for a test, in one of two ways:
 * <ul>
 *   <li>{@link #perTest}: a fresh server and a client model against it for every test, both
 *       stopped after it ({@code @RegisterExtension final FakeModelServer fake = FakeModelServer.perTest();});</li>
 *   <li>{@link #forPayara}: one server for a whole IT class, started at once (before Arquillian
 *       boots Payara), whose address and settings are written to the properties file that the
 *       {@code payara-micro-openai} container reads at boot; stopped after the class.</li>
 * </ul>
 */
public final class FakeModelServer implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** The file the {@code payara-micro-openai} container of arquillian.xml reads its system properties from. */
    static final String PAYARA_PROPERTIES = "fake-openai-server.properties";

    private final UnaryOperator<OpenAiSettingsBuilder> settings;
    private final boolean perTest;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private ImageUrlPolicy.Resolver resolver = InetAddress::getAllByName;
    private FakeOpenAiServer server;
    private OpenAiCompatibleModel model;

    private FakeModelServer(UnaryOperator<OpenAiSettingsBuilder> settings, boolean perTest) {
        this.settings = settings;
        this.perTest = perTest;
    }

    static FakeModelServer perTest() {
        return perTest(UnaryOperator.identity());
    }

    /** @param settings adjusts the settings of {@link #model()} */
    static FakeModelServer perTest(UnaryOperator<OpenAiSettingsBuilder> settings) {
        return new FakeModelServer(settings, true);
    }

    /**
     * Starts the server now and points the Payara of {@code payara-micro-openai} at it.
     *
     * @param properties AI_* settings for the application, besides AI_PROVIDER and AI_BASE_URL
     */
    public static FakeModelServer forPayara(Map<String, String> properties) {
        FakeModelServer fake = new FakeModelServer(UnaryOperator.identity(), false);
        fake.server = FakeOpenAiServer.start();
        Properties file = new Properties();
        file.setProperty("AI_PROVIDER", "openai");
        file.setProperty("AI_BASE_URL", fake.server.baseUrl().toString());
        properties.forEach(file::setProperty);
        Path path = Path.of(System.getProperty("java.io.tmpdir"), PAYARA_PROPERTIES);
        try (Writer out = Files.newBufferedWriter(path)) {
            file.store(out, "written by FakeModelServer for the Payara Micro the IT boots");
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
        return fake;
    }

    /** Host names resolve through {@code resolver} in every model this extension makes. */
    FakeModelServer resolvingWith(ImageUrlPolicy.Resolver newResolver) {
        this.resolver = newResolver;
        return this;
    }

    public FakeOpenAiServer server() {
        return server;
    }

    /** The client against the server, with this extension's settings. */
    OpenAiCompatibleModel model() {
        if (model == null) {
            model = model(UnaryOperator.identity());
        }
        return model;
    }

    /** Another client against the server, with settings of its own; closed after the test. */
    OpenAiCompatibleModel model(UnaryOperator<OpenAiSettingsBuilder> adjust) {
        OpenAiCompatibleModel another = new OpenAiCompatibleModel(
                adjust.apply(settings.apply(OpenAiSettingsBuilder.anOpenAiSettings(server.baseUrl()))).build(), resolver);
        opened.add(another);
        return another;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest) {
            server = FakeOpenAiServer.start();
        } else {
            server.behaviour().reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable client : opened) {
            client.close();
        }
        opened.clear();
        model = null;
        if (perTest) {
            server.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest) {
            server.close();
        }
    }
}
