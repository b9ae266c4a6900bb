package com.aicontent.ai.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.logging.Logger;

/** Chooses the model the pipeline writes with, by {@code AI_PROVIDER}. */
@ApplicationScoped
public class ContentModelProducer {

    private static final Logger LOG = Logger.getLogger(ContentModelProducer.class.getName());

    @Inject
    @ConfigProperty(name = "AI_PROVIDER", defaultValue = "demo")
    String provider;

    @Inject
    @ConfigProperty(name = "AI_DEMO_DELAY_MS", defaultValue = "4000")
    long demoDelayMillis;

    @Inject
    Instance<OpenAiCompatibleModel> openAi;

    @Produces
    @ApplicationScoped
    ContentModel contentModel() {
        return switch (provider.strip().toLowerCase(Locale.ROOT)) {
            case "demo" -> {
                LOG.info(() -> "AI_PROVIDER=demo: articles are written by the built-in DEMO model, not a real LLM");
                yield new DemoContentModel(demoDelayMillis);
            }
            case "openai" -> {
                OpenAiCompatibleModel model = openAi.get();
                LOG.info(() -> "AI_PROVIDER=openai: articles are written by %s at %s"
                        .formatted(model.modelName(), model.settings().displayBaseUrl()));
                yield model;
            }
            default -> throw new IllegalStateException("AI_PROVIDER must be demo or openai, not '" + provider + "'");
        };
    }
}
