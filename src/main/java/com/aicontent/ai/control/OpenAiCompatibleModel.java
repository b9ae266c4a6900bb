package com.aicontent.ai.control;

import com.aicontent.ai.control.FollowUps.Counted;
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
import jakarta.json.bind.config.PropertyNamingStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The model behind {@code AI_PROVIDER=openai}: writes articles with any server that speaks the
 * OpenAI API (OpenAI itself, Ollama, vLLM, llama.cpp server, LM Studio, OpenRouter). Text comes from
 * {@code /chat/completions}, images from {@code /images/generations}. Real servers miscount, cut,
 * refuse and send more than asked: {@link CountedAnswers}, {@link ChatCompletions},
 * {@link BoundedBody} and {@link ImageDownloads} hold each step to what the article can use.
 *
 * <p>It is typed to its own class only, so that it never competes with the {@code ContentModel}
 * the application's producer chooses; the producer asks for it by class when the provider is
 * {@code openai}. Tests new it up with explicit {@link OpenAiSettings}.
 */
@Dependent
@Typed(OpenAiCompatibleModel.class)
public class OpenAiCompatibleModel implements ContentModel, AutoCloseable {

    private static final int EXCERPT_LENGTH = 300;
    /** The JSON of an image answer around its base64: ids, the revised prompt, usage. */
    private static final int IMAGE_ANSWER_OVERHEAD = 64 * 1024;

    private final OpenAiSettings settings;
    private final Jsonb jsonb;
    private final OpenAiEndpoint endpoint;
    private final ChatCompletions chat;
    private final CountedAnswers counted;
    private final StructuredAnswers structured;
    private final ImageDownloads images;

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
            @ConfigProperty(name = "AI_FAQ_COUNT", defaultValue = "5") int faqCount,
            @ConfigProperty(name = "AI_MAX_OUTPUT_TOKENS", defaultValue = "4096") int maxOutputTokens,
            @ConfigProperty(name = "AI_TEMPERATURE") Optional<Double> temperature,
            @ConfigProperty(name = "AI_MAX_RESPONSE_BYTES", defaultValue = "4194304") long maxResponseBytes,
            @ConfigProperty(name = "AI_MAX_IMAGE_BYTES", defaultValue = "10485760") long maxImageBytes,
            @ConfigProperty(name = "AI_IMAGE_URL_ALLOWED_HOSTS") Optional<String> imageUrlAllowedHosts,
            @ConfigProperty(name = "AI_STREAM", defaultValue = "true") boolean stream) {
        this(new OpenAiSettings(URI.create(baseUrl.strip()), apiKey, model, imageModel, imageSize,
                Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs), maxConcurrentCalls,
                maxAttempts, Duration.ofMillis(retryBaseDelayMs), faqCount, maxOutputTokens, temperature,
                maxResponseBytes, maxImageBytes, OpenAiSettings.hostList(imageUrlAllowedHosts), stream));
    }

    public OpenAiCompatibleModel(OpenAiSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    /** Lets a test decide what host names resolve to, so hostile image URLs need no real DNS. */
    OpenAiCompatibleModel(OpenAiSettings settings, ImageUrlPolicy.Resolver resolver) {
        this.settings = settings;
        this.jsonb = JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
        this.endpoint = new OpenAiEndpoint(settings,
                new RetryDelays(settings.retryBaseDelay(), new SecureRandom(), Clock.systemUTC()), jsonb);
        this.chat = new ChatCompletions(settings, endpoint, jsonb);
        this.counted = new CountedAnswers(chat, endpoint.redaction());
        this.structured = new StructuredAnswers(jsonb);
        this.images = new ImageDownloads(settings, endpoint.redaction(), resolver);
    }

    public OpenAiSettings settings() {
        return settings;
    }

    /** The call limit, for tests that watch calls wait their turn. */
    ConcurrentCallLimit endpointLimit() {
        return endpoint.limit();
    }

    /** What the client learnt about its model's dialect, for tests. */
    ModelDialect dialect() {
        return chat.dialect();
    }

    @Override
    public String modelName() {
        return settings.model();
    }

    @Override
    public Answer<List<String>> headings(ArticleBrief brief, Cancellation cancellation) {
        int wanted = brief.sections();
        return counted.ask(new CountedAnswers.Ask<>("headings", "headings", wanted, wanted,
                ArticlePrompts.headings(brief), ArticlePrompts.headingsSchema(wanted),
                answer -> structured.headings(answer, wanted), List::size, (list, n) -> List.copyOf(list.subList(0, n)),
                got -> FollowUps.shortfall(brief.language(), Counted.HEADINGS, got, wanted, wanted)), cancellation);
    }

    @Override
    public Answer<String> section(ArticleBrief brief, List<String> outline, int index, Consumer<String> written,
                                  Cancellation cancellation) {
        String step = "section %d".formatted(index + 1);
        String heading = outline.get(index);
        Answer<String> answer = chat.prose(step, brief.language(), ArticlePrompts.section(brief, outline, index),
                soFar -> written.accept(ModelProse.soFar(soFar, heading)), cancellation);
        return new Answer<>(prose(answer.value(), heading, step), answer.usage(), answer.notes());
    }

    @Override
    public Answer<String> summary(ArticleBrief brief, List<String> outline, List<String> sections, Cancellation cancellation) {
        Answer<String> answer = chat.prose("summary", brief.language(), ArticlePrompts.summary(brief, outline, sections),
                ignored -> { }, cancellation);
        return new Answer<>(prose(answer.value(), null, "summary"), answer.usage(), answer.notes());
    }

    @Override
    public Answer<ArticleMeta> meta(ArticleBrief brief, String summary, Cancellation cancellation) {
        int min = ArticlePrompts.MIN_KEYWORDS;
        int max = ArticlePrompts.MAX_KEYWORDS;
        Answer<ArticleMeta> meta = counted.ask(new CountedAnswers.Ask<>("meta", "keywords", min, max,
                ArticlePrompts.meta(brief, summary), ArticlePrompts.META_SCHEMA, structured::meta,
                found -> found.keywords().size(),
                (found, n) -> new ArticleMeta(found.title(), found.description(), found.keywords().subList(0, n)),
                got -> FollowUps.shortfall(brief.language(), Counted.KEYWORDS, got, min, max)), cancellation);
        return new Answer<>(meta.value().withinLimits(), meta.usage(), meta.notes());
    }

    @Override
    public Answer<List<FaqEntry>> faq(ArticleBrief brief, String summary, int count, Cancellation cancellation) {
        int wanted = count > 0 ? count : settings.faqCount();
        return counted.ask(new CountedAnswers.Ask<>("faq", "questions with answers", wanted, wanted,
                ArticlePrompts.faq(brief, summary, wanted), ArticlePrompts.faqSchema(wanted),
                structured::faq, List::size, (list, n) -> List.copyOf(list.subList(0, n)),
                got -> FollowUps.shortfall(brief.language(), Counted.FAQ, got, wanted, wanted)), cancellation);
    }

    @Override
    public Answer<GeneratedImage> image(ArticleBrief brief, String heading, int index, Cancellation cancellation) {
        String call = "image generation for section %d".formatted(index + 1);
        String request = jsonb.toJson(new ImageGenerationRequest(settings.imageModel(),
                ArticlePrompts.image(brief, heading), 1, settings.imageSize()));
        String body = endpoint.post("images/generations", request, call, new BoundedBody.Limit(
                images.base64Limit() + IMAGE_ANSWER_OVERHEAD, "AI_MAX_IMAGE_BYTES, as base64"), cancellation);
        ImageGenerationResponse response = endpoint.parse(body, ImageGenerationResponse.class, call);
        if (response.data() == null || response.data().isEmpty() || response.data().getFirst() == null) {
            throw new ModelCallFailedException("The %s came back without an image: %s".formatted(call, excerpt(body)));
        }
        ImageGenerationResponse.Image image = response.data().getFirst();
        byte[] bytes;
        Optional<String> claimedType;
        if (image.b64Json() != null && !image.b64Json().isBlank()) {
            bytes = images.decode(image.b64Json(), call);
            claimedType = Optional.empty();
        } else if (image.url() != null && !image.url().isBlank()) {
            ImageDownloads.Download download = images.download(image.url().strip(), cancellation);
            bytes = download.bytes();
            claimedType = download.contentType();
        } else {
            throw new ModelCallFailedException("The %s came back with neither b64_json nor url: %s".formatted(call, excerpt(body)));
        }
        String contentType = ImageContentType.of(bytes, claimedType).orElseThrow(() -> new ModelCallFailedException(
                "The %s came back with %d bytes that are not an image (%s)."
                        .formatted(call, bytes.length, claimedType.map(type -> endpoint.redaction().excerpt(type, 60))
                                .orElse("no content type"))));
        return new Answer<>(new GeneratedImage(bytes, contentType, ArticlePrompts.imageAlt(brief, heading)),
                ProviderUsage.of(response.usage()));
    }

    /** Stops the HTTP clients; calls still in flight fail. */
    @Override
    @PreDestroy
    public void close() {
        endpoint.close();
        images.close();
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing left to release
        }
    }

    private String prose(String answer, String heading, String step) {
        String text = ModelProse.prose(answer, heading);
        if (text.isBlank()) {
            throw new ModelCallFailedException("The model answered the %s with nothing but a heading: %s"
                    .formatted(step, excerpt(answer)));
        }
        return text;
    }


    private String excerpt(String text) {
        return "«" + endpoint.redaction().excerpt(text, EXCERPT_LENGTH) + "»";
    }
}
