package com.aicontent.ai.control;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the OpenAI-compatible client needs to know about its server, in one value: CDI
 * fills it from MicroProfile Config, tests new it up pointing at a fake server.
 *
 * @param baseUrl            the API root, e.g. {@code https://api.openai.com/v1}; paths are resolved against it
 * @param apiKey             sent as {@code Authorization: Bearer}; absent for servers that need none (Ollama)
 * @param maxConcurrentCalls calls beyond this wait for a free slot
 * @param maxAttempts        attempts per call, the first one included, for faults worth retrying
 * @param retryBaseDelay     the first backoff delay; it doubles with every further attempt
 * @param faqCount           FAQ pairs asked for when the caller names no count
 * @param maxOutputTokens    the output budget of a chat call ({@code max_tokens}); 0 sends none
 * @param temperature        sent when present; servers that reject it are asked again without it
 * @param maxResponseBytes   the most bytes of one chat answer (a stream counts whole); more fails the call unread
 * @param maxImageBytes      the most bytes of one image, downloaded or base64
 * @param imageUrlAllowedHosts hosts whose image URLs are fetched whatever address they resolve to, over http too
 * @param stream             whether prose is asked for as a stream ({@code stream: true}), so it can be watched growing
 */
public record OpenAiSettings(URI baseUrl, Optional<String> apiKey, String model, String imageModel, String imageSize,
                             Duration connectTimeout, Duration readTimeout, int maxConcurrentCalls, int maxAttempts,
                             Duration retryBaseDelay, int faqCount, int maxOutputTokens, Optional<Double> temperature,
                             long maxResponseBytes, long maxImageBytes, Set<String> imageUrlAllowedHosts,
                             boolean stream) {

    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** Smaller than any real answer: a limit below it is a typo. */
    private static final long SMALLEST_BODY_LIMIT = 1024;

    public OpenAiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = Objects.requireNonNullElse(apiKey, Optional.<String>empty()).filter(key -> !key.isBlank()).map(String::strip);
        requireText(model, "AI_MODEL");
        requireText(imageModel, "AI_IMAGE_MODEL");
        requireText(imageSize, "AI_IMAGE_SIZE");
        requirePositive(connectTimeout, "AI_CONNECT_TIMEOUT_MS");
        requirePositive(readTimeout, "AI_READ_TIMEOUT_MS");
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("AI_MAX_CONCURRENT_CALLS must be at least 1, is " + maxConcurrentCalls);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("AI_MAX_ATTEMPTS must be at least 1, is " + maxAttempts);
        }
        if (retryBaseDelay == null || retryBaseDelay.isNegative()) {
            throw new IllegalArgumentException("AI_RETRY_BASE_DELAY_MS must not be negative");
        }
        if (faqCount < 1) {
            throw new IllegalArgumentException("AI_FAQ_COUNT must be at least 1, is " + faqCount);
        }
        if (maxOutputTokens < 0) {
            throw new IllegalArgumentException("AI_MAX_OUTPUT_TOKENS must be 0 (send none) or more, is " + maxOutputTokens);
        }
        temperature = Objects.requireNonNullElse(temperature, Optional.<Double>empty());
        if (temperature.isPresent() && !(temperature.get() >= 0 && temperature.get() <= 2)) {
            throw new IllegalArgumentException("AI_TEMPERATURE must be between 0 and 2, is " + temperature.get());
        }
        if (maxResponseBytes < SMALLEST_BODY_LIMIT) {
            throw new IllegalArgumentException("AI_MAX_RESPONSE_BYTES must be at least " + SMALLEST_BODY_LIMIT + ", is " + maxResponseBytes);
        }
        if (maxImageBytes < SMALLEST_BODY_LIMIT) {
            throw new IllegalArgumentException("AI_MAX_IMAGE_BYTES must be at least " + SMALLEST_BODY_LIMIT + ", is " + maxImageBytes);
        }
        imageUrlAllowedHosts = Objects.requireNonNullElse(imageUrlAllowedHosts, Set.<String>of()).stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (baseUrl.getScheme() == null || baseUrl.getRawAuthority() == null) {
            throw new IllegalArgumentException("AI_BASE_URL must be an absolute URL such as " + OPENAI_BASE_URL);
        }
        // API paths resolve under the base path, so it ends with a slash; a query would be lost on resolve anyway
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        baseUrl = URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /** {@code AI_IMAGE_URL_ALLOWED_HOSTS} as configured: host names separated by commas or spaces. */
    public static Set<String> hostList(Optional<String> configured) {
        return configured.map(list -> Arrays.stream(list.split("[,\\s]+")).collect(Collectors.toSet())).orElse(Set.of());
    }

    /** Resolves an API path such as {@code chat/completions} against the base URL, keeping its path prefix. */
    public URI endpoint(String path) {
        return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The base URL as logs and messages show it: without user info or query, where credentials could hide. */
    public String displayBaseUrl() {
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort())
                + baseUrl.getPath();
    }

    /** Never prints the key: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + displayBaseUrl() + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)")
                + ", model=" + model + ", imageModel=" + imageModel + ", imageSize=" + imageSize
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxConcurrentCalls=" + maxConcurrentCalls + ", maxAttempts=" + maxAttempts
                + ", retryBaseDelay=" + retryBaseDelay + ", faqCount=" + faqCount
                + ", maxOutputTokens=" + maxOutputTokens + ", temperature=" + temperature.map(String::valueOf).orElse("(server default)")
                + ", maxResponseBytes=" + maxResponseBytes + ", maxImageBytes=" + maxImageBytes
                + ", imageUrlAllowedHosts=" + imageUrlAllowedHosts + ", stream=" + stream + "]";
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }
}
