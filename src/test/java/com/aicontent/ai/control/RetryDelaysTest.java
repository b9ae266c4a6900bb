package com.aicontent.ai.control;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How long the client waits before trying again. */
class RetryDelaysTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    final RetryDelays delays = new RetryDelays(Duration.ofSeconds(1), new Random(42), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void backoffDoublesWithEveryAttemptAndStaysBetweenHalfAndAllOfIt() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long full = 1000L << (attempt - 1);
            for (int sample = 0; sample < 50; sample++) {
                long wait = delays.backoff(attempt).toMillis();
                assertTrue(wait >= full / 2 && wait <= full, "attempt " + attempt + " waited " + wait);
            }
        }
    }

    @Test
    void backoffNeverGrowsBeyondTheCap() {
        assertTrue(delays.backoff(60).compareTo(RetryDelays.MAX_DELAY) <= 0);
    }

    @Test
    void retryAfterInSecondsIsObeyed() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), delays.requestedBy(headers(Map.of("Retry-After", "7"))));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                delays.requestedBy(headers(Map.of("Retry-After", "Sun, 29 Nov 2026 12:00:30 GMT"))));
        assertEquals(Optional.of(Duration.ZERO),
                delays.requestedBy(headers(Map.of("Retry-After", "Sun, 29 Nov 2026 11:00:00 GMT"))));
    }

    @Test
    void openAisRetryAfterMsWinsBecauseItIsMorePrecise() {
        assertEquals(Optional.of(Duration.ofMillis(250)),
                delays.requestedBy(headers(Map.of("Retry-After", "1", "retry-after-ms", "250"))));
    }

    @Test
    void aServerCannotParkACallForever() {
        assertEquals(Optional.of(RetryDelays.MAX_DELAY), delays.requestedBy(headers(Map.of("Retry-After", "86400"))));
    }

    @Test
    void anUnreadableOrMissingRetryAfterLeavesTheChoiceToTheBackoff() {
        assertEquals(Optional.empty(), delays.requestedBy(headers(Map.of("Retry-After", "soon"))));
        assertEquals(Optional.empty(), delays.requestedBy(headers(Map.of("Retry-After", "-5"))));
        assertEquals(Optional.empty(), delays.requestedBy(headers(Map.of())));
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        values.forEach((name, value) -> multi.put(name, List.of(value)));
        return HttpHeaders.of(multi, (name, value) -> true);
    }
}
