package com.aicontent.ai.control;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static com.aicontent.ai.control.OpenAiSettingsBuilder.anOpenAiSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's settings: paths resolve under the base URL's own path, and the key never prints. */
class OpenAiSettingsTest {

    @Test
    void pathsResolveUnderTheBaseUrlWithOrWithoutItsTrailingSlash() {
        assertEquals(URI.create("http://localhost:11434/v1/chat/completions"),
                settings("http://localhost:11434/v1", "k").endpoint("chat/completions"));
        assertEquals(URI.create("https://openrouter.ai/api/v1/images/generations"),
                settings("https://openrouter.ai/api/v1/", "k").endpoint("/images/generations"));
    }

    @Test
    void theKeyNeverAppearsWhenSettingsArePrinted() {
        String printed = settings("https://api.openai.com/v1", "sk-secret-value").toString();

        assertFalse(printed.contains("sk-secret-value"), printed);
        assertTrue(printed.contains("apiKey=(set)"), printed);
    }

    @Test
    void credentialsInTheBaseUrlAreNotShown() {
        OpenAiSettings settings = settings("https://user:password@proxy.example/v1?token=abc", "k");

        assertEquals("https://proxy.example/v1/", settings.displayBaseUrl());
        assertFalse(settings.toString().contains("password"), settings.toString());
    }

    @Test
    void aBlankKeyCountsAsNoKey() {
        assertEquals(Optional.empty(), settings("http://localhost:8000/v1", "  ").apiKey());
    }

    @Test
    void nonsenseLimitsAreRejectedNamingTheirSetting() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () ->
                anOpenAiSettings(URI.create("http://localhost:8000/v1")).withMaxConcurrentCalls(0).build());
        assertTrue(failure.getMessage().contains("AI_MAX_CONCURRENT_CALLS"), failure.getMessage());

        failure = assertThrows(IllegalArgumentException.class, () ->
                anOpenAiSettings(URI.create("http://localhost:8000/v1")).withMaxResponseBytes(10).build());
        assertTrue(failure.getMessage().contains("AI_MAX_RESPONSE_BYTES"), failure.getMessage());

        failure = assertThrows(IllegalArgumentException.class, () ->
                anOpenAiSettings(URI.create("http://localhost:8000/v1")).withTemperature(7.0).build());
        assertTrue(failure.getMessage().contains("AI_TEMPERATURE"), failure.getMessage());
    }

    @Test
    void allowedImageHostsAreReadFromACommaOrSpaceSeparatedList() {
        assertEquals(Set.of("cdn.example.org", "*.blob.example"),
                OpenAiSettings.hostList(Optional.of(" cdn.example.org, *.blob.example cdn.example.org ")).stream()
                        .filter(host -> !host.isEmpty()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("cdn.example.org"), anOpenAiSettings(URI.create("http://localhost:8000/v1"))
                .withImageUrlAllowedHosts(" CDN.example.org ", "").build().imageUrlAllowedHosts());
    }

    private static OpenAiSettings settings(String baseUrl, String key) {
        return anOpenAiSettings(URI.create(baseUrl)).withKey(key).build();
    }
}
