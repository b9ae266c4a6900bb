package com.aicontent.ai.control;

import com.aicontent.ai.control.ChatCompletionRequest.Message;
import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.ai.entity.ModelCallFailedException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The model behind {@code AI_PROVIDER=openai}: writes articles with any server that speaks the
 * OpenAI API (OpenAI itself, Ollama, vLLM, llama.cpp server, LM Studio, OpenRouter). Text comes from
 * {@code /chat/completions}, images from {@code /images/generations}.
 *
 * <p>It is typed to its own class only, so that it never competes with the {@code ContentModel}
 * the application's producer chooses; the producer asks for it by class when the provider is
 * {@code openai}. Tests new it up with explicit {@link OpenAiSettings}.
 */
@Dependent
@Typed(OpenAiCompatibleModel.class)
public class OpenAiCompatibleModel implements ContentModel, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OpenAiCompatibleModel.class.getName());
    private static final int EXCERPT_LENGTH = 300;

    private final OpenAiSettings settings;
    private final Jsonb jsonb;
    private final OpenAiEndpoint endpoint;
    private final StructuredAnswers structured;
    /** Set once a server refused {@code response_format}; the prompts ask for the JSON shape anyway. */
    private final AtomicBoolean structuredOutputRefused = new AtomicBoolean();

    @Inject
    public OpenAiCompatibleModel(
            @ConfigProperty(name = "AI_BASE_URL", defaultValue = OpenAiSettings.OPENAI_BASE_URL) String baseUrl,
            @ConfigProperty(name = "AI_API_KEY") Optional<String> apiKey,
            @ConfigProperty(name = "AI_MODEL", defaultValue = "gpt-4o-mini") String model,
            @ConfigProperty(name = "AI_IMAGE_MODEL", defaultValue = "gpt-image-1") String imageModel,
            @ConfigProperty(name = "AI_IMAGE_SIZE", defaultValue = "1024x1024") String imageSize,
            @ConfigProperty(name = "AI_CONNECT_TIMEOUT_MS", defaultValue = "10000") long connectTimeoutMs,
            @ConfigProperty(name = "AI_READ_TIMEOUT_MS", defaultValue = "180000") long readTimeoutMs,
            @ConfigProperty(name = "AI_MAX_CONCURRENT_CALLS", defaultValue = "4") int maxConcurrentCalls,
            @ConfigProperty(name = "AI_MAX_ATTEMPTS", defaultValue = "4") int maxAttempts,
            @ConfigProperty(name = "AI_RETRY_BASE_DELAY_MS", defaultValue = "1000") long retryBaseDelayMs,
            @ConfigProperty(name = "AI_FAQ_COUNT", defaultValue = "5") int faqCount) {
        this(new OpenAiSettings(URI.create(baseUrl.strip()), apiKey, model, imageModel, imageSize,
                Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs), maxConcurrentCalls,
                maxAttempts, Duration.ofMillis(retryBaseDelayMs), faqCount));
    }

    public OpenAiCompatibleModel(OpenAiSettings settings) {
        this.settings = settings;
        this.jsonb = JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
        this.endpoint = new OpenAiEndpoint(settings,
                new RetryDelays(settings.retryBaseDelay(), new SecureRandom(), Clock.systemUTC()), jsonb);
        this.structured = new StructuredAnswers(jsonb);
    }

    public OpenAiSettings settings() {
        return settings;
    }

    /** The call limit, for tests that watch calls wait their turn. */
    ConcurrentCallLimit endpointLimit() {
        return endpoint.limit();
    }

    @Override
    public String modelName() {
        return settings.model();
    }

    @Override
    public Answer<List<String>> headings(ArticleBrief brief, Cancellation cancellation) {
        Answer<String> answer = chat("headings", ArticlePrompts.headings(brief), ArticlePrompts.HEADINGS_SCHEMA, cancellation);
        List<String> headings = structured.headings(answer.value(), brief.sections())
                .orElseThrow(() -> unusable("%d headings".formatted(brief.sections()), answer.value()));
        return new Answer<>(headings, answer.usage());
    }

    @Override
    public Answer<String> section(ArticleBrief brief, List<String> outline, int index, Cancellation cancellation) {
        String heading = outline.get(index);
        Answer<String> answer = chat("section %d".formatted(index + 1), ArticlePrompts.section(brief, outline, index),
                null, cancellation);
        return new Answer<>(prose(answer.value(), heading, "section %d".formatted(index + 1)), answer.usage());
    }

    @Override
    public Answer<String> summary(ArticleBrief brief, List<String> outline, List<String> sections, Cancellation cancellation) {
        Answer<String> answer = chat("summary", ArticlePrompts.summary(brief, outline, sections), null, cancellation);
        return new Answer<>(prose(answer.value(), null, "summary"), answer.usage());
    }

    @Override
    public Answer<ArticleMeta> meta(ArticleBrief brief, String summary, Cancellation cancellation) {
        Answer<String> answer = chat("meta", ArticlePrompts.meta(brief, summary), ArticlePrompts.META_SCHEMA, cancellation);
        ArticleMeta meta = structured.meta(answer.value())
                .orElseThrow(() -> unusable("a meta title and description", answer.value()));
        return new Answer<>(meta.withinLimits(), answer.usage());
    }

    @Override
    public Answer<List<FaqEntry>> faq(ArticleBrief brief, String summary, int count, Cancellation cancellation) {
        int wanted = count > 0 ? count : settings.faqCount();
        Answer<String> answer = chat("faq", ArticlePrompts.faq(brief, summary, wanted), ArticlePrompts.FAQ_SCHEMA, cancellation);
        List<FaqEntry> faq = structured.faq(answer.value(), wanted)
                .orElseThrow(() -> unusable("%d questions with answers".formatted(wanted), answer.value()));
        if (faq.size() < wanted) {
            LOG.info(OpenAiEndpoint.progressLine(cancellation,
                    "The model wrote %d of the %d FAQ pairs asked for; keeping them.".formatted(faq.size(), wanted)));
        }
        return new Answer<>(faq, answer.usage());
    }

    @Override
    public Answer<GeneratedImage> image(ArticleBrief brief, String heading, int index, Cancellation cancellation) {
        String call = "image generation for section %d".formatted(index + 1);
        String request = jsonb.toJson(new ImageGenerationRequest(settings.imageModel(),
                ArticlePrompts.image(brief, heading), 1, settings.imageSize()));
        String body = endpoint.post("images/generations", request, call, cancellation);
        ImageGenerationResponse response = read(body, ImageGenerationResponse.class, call);
        if (response.data() == null || response.data().isEmpty()) {
            throw new ModelCallFailedException("The %s came back without an image: %s".formatted(call, excerpt(body)));
        }
        ImageGenerationResponse.Image image = response.data().getFirst();
        byte[] bytes;
        Optional<String> claimedType;
        if (image.b64Json() != null && !image.b64Json().isBlank()) {
            try {
                bytes = Base64.getMimeDecoder().decode(image.b64Json());
            } catch (IllegalArgumentException broken) {
                throw new ModelCallFailedException("The %s came back with broken base64.".formatted(call));
            }
            claimedType = Optional.empty();
        } else if (image.url() != null && !image.url().isBlank()) {
            OpenAiEndpoint.Download download = endpoint.download(image.url().strip(), cancellation);
            bytes = download.bytes();
            claimedType = download.contentType();
        } else {
            throw new ModelCallFailedException("The %s came back with neither b64_json nor url: %s".formatted(call, excerpt(body)));
        }
        String contentType = ImageContentType.of(bytes, claimedType).orElseThrow(() -> new ModelCallFailedException(
                "The %s came back with %d bytes that are not an image (%s)."
                        .formatted(call, bytes.length, claimedType.orElse("no content type"))));
        return new Answer<>(new GeneratedImage(bytes, contentType, ArticlePrompts.imageAlt(brief, heading)),
                ProviderUsage.of(response.usage()));
    }

    /** Stops the HTTP client; calls still in flight fail. */
    @Override
    @PreDestroy
    public void close() {
        endpoint.close();
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing left to release
        }
    }

    /**
     * One chat completion.
     *
     * @param schema null for prose; otherwise the JSON schema the answer must follow
     */
    private Answer<String> chat(String step, List<Message> messages, Map<String, Object> schema, Cancellation cancellation) {
        String call = "chat completion for the " + step;
        boolean structuredOutput = schema != null && !structuredOutputRefused.get();
        String body;
        try {
            body = endpoint.post("chat/completions", jsonb.toJson(new ChatCompletionRequest(settings.model(), messages,
                    structuredOutput ? ChatCompletionRequest.jsonSchema(step, schema) : null)), call, cancellation);
        } catch (RejectedCallException rejected) {
            if (!structuredOutput || rejected.status() != 400 || !mentionsResponseFormat(rejected.detail())) {
                throw rejected;
            }
            // the prompt states the JSON shape as well; the answer is read leniently
            structuredOutputRefused.set(true);
            LOG.warning(endpoint.redaction().apply(OpenAiEndpoint.progressLine(cancellation,
                    "The model server does not take response_format (%s); asking for JSON in the prompt only from now on."
                            .formatted(rejected.detail()))));
            body = endpoint.post("chat/completions", jsonb.toJson(new ChatCompletionRequest(settings.model(), messages, null)),
                    call, cancellation);
        }
        ChatCompletionResponse response = read(body, ChatCompletionResponse.class, call);
        if (response.choices() == null || response.choices().isEmpty() || response.choices().getFirst().message() == null) {
            throw new ModelCallFailedException("The %s came back without a message: %s".formatted(call, excerpt(body)));
        }
        ChatCompletionResponse.Choice choice = response.choices().getFirst();
        String refusal = choice.message().refusal();
        if (refusal != null && !refusal.isBlank()) {
            throw new ModelCallFailedException("The model refused the %s: %s".formatted(step, excerpt(refusal)));
        }
        String text = choice.message().text();
        if (text == null || StructuredAnswers.withoutThinking(text).isBlank()) {
            throw new ModelCallFailedException("The model answered the %s with no text (finish_reason: %s)."
                    .formatted(step, choice.finishReason()));
        }
        return new Answer<>(text, ProviderUsage.of(response.usage()));
    }

    private static boolean mentionsResponseFormat(String detail) {
        String lower = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        return lower.contains("response_format") || lower.contains("json_schema") || lower.contains("response format");
    }

    private String prose(String answer, String heading, String step) {
        String text = StructuredAnswers.prose(answer, heading);
        if (text.isBlank()) {
            throw new ModelCallFailedException("The model answered the %s with nothing but a heading: %s"
                    .formatted(step, excerpt(answer)));
        }
        return text;
    }

    private <T> T read(String body, Class<T> type, String call) {
        try {
            T parsed = jsonb.fromJson(body, type);
            if (parsed == null) {
                throw new JsonbException("empty");
            }
            return parsed;
        } catch (JsonbException | ClassCastException notTheWireFormat) {
            throw new ModelCallFailedException("The %s came back in a form this client cannot read (is AI_BASE_URL an OpenAI-compatible /v1 URL?): %s"
                    .formatted(call, excerpt(body)));
        }
    }

    private ModelCallFailedException unusable(String wanted, String answer) {
        return new ModelCallFailedException("The model was asked for %s as JSON, and neither JSON nor a list could be read from its answer: %s"
                .formatted(wanted, excerpt(answer)));
    }

    private String excerpt(String text) {
        return "«" + endpoint.redaction().excerpt(text, EXCERPT_LENGTH) + "»";
    }
}
