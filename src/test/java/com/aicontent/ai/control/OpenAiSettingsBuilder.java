package com.aicontent.ai.control;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Test-data builder: settings against a fake server, with delays short enough for a test. */
final class OpenAiSettingsBuilder {

    static final String KEY = "sk-test-0123456789abcdefSECRET";

    private URI baseUrl;
    private String apiKey = KEY;
    private String model = "fake-chat";
    private Duration readTimeout = Duration.ofSeconds(10);
    private int maxConcurrentCalls = 4;
    private int maxAttempts = 3;
    private int faqCount = 5;
    private int maxOutputTokens = 4096;
    private Double temperature;
    private long maxResponseBytes = 4L << 20;
    private long maxImageBytes = 10L << 20;
    private Set<String> allowedHosts = Set.of();
    private boolean stream = true;

    private OpenAiSettingsBuilder(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    static OpenAiSettingsBuilder anOpenAiSettings(URI baseUrl) {
        return new OpenAiSettingsBuilder(baseUrl);
    }

    OpenAiSettingsBuilder withKey(String key) {
        this.apiKey = key;
        return this;
    }

    OpenAiSettingsBuilder withModel(String model) {
        this.model = model;
        return this;
    }

    OpenAiSettingsBuilder withReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    OpenAiSettingsBuilder withMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
        return this;
    }

    OpenAiSettingsBuilder withMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        return this;
    }

    OpenAiSettingsBuilder withFaqCount(int faqCount) {
        this.faqCount = faqCount;
        return this;
    }

    OpenAiSettingsBuilder withMaxOutputTokens(int maxOutputTokens) {
        this.maxOutputTokens = maxOutputTokens;
        return this;
    }

    OpenAiSettingsBuilder withTemperature(Double temperature) {
        this.temperature = temperature;
        return this;
    }

    OpenAiSettingsBuilder withMaxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        return this;
    }

    OpenAiSettingsBuilder withMaxImageBytes(long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
        return this;
    }

    OpenAiSettingsBuilder withImageUrlAllowedHosts(String... hosts) {
        this.allowedHosts = Set.of(hosts);
        return this;
    }

    OpenAiSettingsBuilder withStream(boolean stream) {
        this.stream = stream;
        return this;
    }

    OpenAiSettings build() {
        return new OpenAiSettings(baseUrl, Optional.ofNullable(apiKey), model, "fake-image", "256x256",
                Duration.ofSeconds(5), readTimeout, maxConcurrentCalls, maxAttempts, Duration.ofMillis(10), faqCount,
                maxOutputTokens, Optional.ofNullable(temperature), maxResponseBytes, maxImageBytes, allowedHosts, stream);
    }
}
