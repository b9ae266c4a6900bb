package com.aicontent.ai.control;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt. A server that says when to come back ({@code Retry-After},
 * or OpenAI's {@code retry-after-ms}) is obeyed; otherwise the wait doubles per attempt with jitter,
 * so that the sections of one article, which fail together, do not retry in lockstep.
 */
final class RetryDelays {

    /** No backoff grows beyond this, and no server may park a call for longer. */
    static final Duration MAX_DELAY = Duration.ofMinutes(2);

    private final Duration base;
    private final RandomGenerator random;
    private final Clock clock;

    RetryDelays(Duration base, RandomGenerator random, Clock clock) {
        this.base = base;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Exponential backoff with "equal jitter": between half and all of {@code base * 2^(failedAttempts-1)}.
     */
    Duration backoff(int failedAttempts) {
        long full = base.toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 20);
        full = Math.min(full, MAX_DELAY.toMillis());
        long half = full / 2;
        return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
    }

    /** The server's own wish, if its headers state one we can read. */
    Optional<Duration> requestedBy(HttpHeaders headers) {
        OptionalLong millis = headers.firstValue("retry-after-ms").map(RetryDelays::parseLong).orElse(OptionalLong.empty());
        if (millis.isPresent()) {
            return Optional.of(capped(Duration.ofMillis(millis.getAsLong())));
        }
        return headers.firstValue("Retry-After").flatMap(this::parseRetryAfter).map(RetryDelays::capped);
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP-date (RFC 9110, 10.2.3). */
    Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.strip();
        OptionalLong seconds = parseLong(trimmed);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(seconds.getAsLong()));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static Duration capped(Duration wanted) {
        return wanted.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wanted;
    }

    private static OptionalLong parseLong(String value) {
        String trimmed = value.strip();
        if (!trimmed.matches("\\d{1,12}(\\.\\d+)?")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(Double.parseDouble(trimmed)));
    }
}
