package com.aicontent.ai.control;

import com.aicontent.ai.control.BoundedBody.AnswerTooLargeException;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.ModelCallFailedException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The HTTP side of an OpenAI-compatible server: one POST with the key, the call limit, retries
 * for what retrying can fix (429, 5xx, timeouts, dropped connections) and a human message for
 * what it cannot. Calls run on {@code sendAsync} so that a cancel aborts the exchange at once
 * instead of waiting for a slow model to finish a text nobody will read. Every body is read with
 * a limit as it arrives ({@link BoundedBody}); an answer over it fails the call at once, unread,
 * and is not asked for again.
 */
final class OpenAiEndpoint implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OpenAiEndpoint.class.getName());

    private static final int EXCERPT_LENGTH = 300;

    private final OpenAiSettings settings;
    private final RetryDelays delays;
    private final Jsonb jsonb;
    private final KeyRedaction redaction;
    private final ProviderErrors errors;
    private final ConcurrentCallLimit limit;
    private final HttpClient http;

    OpenAiEndpoint(OpenAiSettings settings, RetryDelays delays, Jsonb jsonb) {
        this.settings = settings;
        this.delays = delays;
        this.jsonb = jsonb;
        this.redaction = new KeyRedaction(settings.apiKey());
        this.errors = new ProviderErrors(jsonb, redaction, settings.displayBaseUrl());
        this.limit = new ConcurrentCallLimit(settings.maxConcurrentCalls());
        // never follow redirects with the key attached
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A log line in the shape the rest of the application writes ({@code AI-PROGRESS [<hash>] ...}),
     * so that {@code grep AI-PROGRESS} and {@code grep <hash>} find the model calls of a generation too.
     */
    static String progressLine(Cancellation work, String text) {
        String label = work.label();
        return label == null || label.isBlank() ? "AI-PROGRESS " + text : "AI-PROGRESS [" + label + "] " + text;
    }

    KeyRedaction redaction() {
        return redaction;
    }

    ConcurrentCallLimit limit() {
        return limit;
    }

    /** POSTs {@code json} and returns the 2xx body as text, read up to {@code bodyLimit}. */
    String post(String path, String json, String call, BoundedBody.Limit bodyLimit, Cancellation cancellation) {
        return post(path, json, call, cancellation, info -> HttpResponse.BodySubscribers.mapping(
                BoundedBody.whole(info, bodyLimit), bytes -> new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * POSTs {@code json} to {@code path} and returns the 2xx body as {@code success} reads it.
     *
     * @param call    what the call is for, in words, for messages ("chat completion for the headings")
     * @param success reads a 2xx body (error bodies are read here, capped, to be quoted)
     * @throws RejectedCallException a 4xx that retrying cannot fix
     * @throws ModelCallFailedException the attempts ran out, the answer was too large, or the server could not be used at all
     */
    <T> T post(String path, String json, String call, Cancellation cancellation,
               Function<HttpResponse.ResponseInfo, HttpResponse.BodySubscriber<T>> success) {
        HttpRequest request = apiRequest(settings.endpoint(path), json);
        HttpResponse.BodyHandler<Received<T>> handler = info -> info.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.mapping(success.apply(info), Received::success)
                : HttpResponse.BodySubscribers.mapping(BoundedBody.head(BoundedBody.ERROR_BODY_LIMIT),
                        bytes -> Received.<T>error(new String(bytes, StandardCharsets.UTF_8)));
        for (int attempt = 1; ; attempt++) {
            cancellation.throwIfCancelled();
            Attempt<T> outcome;
            try (ConcurrentCallLimit.Slot slot = limit.take(cancellation)) {
                cancellation.throwIfCancelled();
                outcome = send(request, handler, call, cancellation);
            }
            if (outcome.succeeded()) {
                return outcome.response().body().value();
            }
            if (!outcome.retryable()) {
                throw errors.rejected(outcome.response().statusCode(), outcome.response().body().errorBody(), path, call);
            }
            String problem = describe(outcome);
            if (attempt >= settings.maxAttempts()) {
                throw new ModelCallFailedException(redaction.apply("%s failed the %s %d time%s; the last time: %s."
                        .formatted(errors.server(), call, attempt, attempt == 1 ? "" : "s", problem)));
            }
            Optional<Duration> asked = outcome.response() == null
                    ? Optional.empty() : delays.requestedBy(outcome.response().headers());
            Duration wait = asked.isPresent() ? asked.get() : delays.backoff(attempt);
            LOG.warning(redaction.apply(progressLine(cancellation, "%s: %s; attempt %d of %d, next one in %d ms%s."
                    .formatted(call, problem, attempt, settings.maxAttempts(), wait.toMillis(),
                            asked.isPresent() ? " as the server asked (Retry-After)" : ""))));
            CancellableWait.sleep(wait, cancellation);
        }
    }

    /** Reads a 2xx body in the wire format; anything else is a server that is not OpenAI-compatible (or a wrong URL). */
    <T> T parse(String body, Class<T> type, String call) {
        try {
            T parsed = jsonb.fromJson(body, type);
            if (parsed == null) {
                throw new JsonbException("empty");
            }
            return parsed;
        } catch (JsonbException | ClassCastException notTheWireFormat) {
            throw new ModelCallFailedException("The %s came back in a form this client cannot read (is AI_BASE_URL an OpenAI-compatible /v1 URL?): «%s»"
                    .formatted(call, redaction.excerpt(body, EXCERPT_LENGTH)));
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private HttpRequest apiRequest(URI uri, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .version(versionFor(uri))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        settings.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    /** Plain-HTTP servers (Ollama, vLLM on localhost) get HTTP/1.1: no h2c upgrade dance with a POST body. */
    static HttpClient.Version versionFor(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    private <T> Attempt<T> send(HttpRequest request, HttpResponse.BodyHandler<Received<T>> handler, String call,
                                Cancellation cancellation) {
        CompletableFuture<HttpResponse<Received<T>>> inFlight = http.sendAsync(request, handler);
        try {
            // the request timeout covers the wait for the headers, this one the body as well
            return Attempt.answered(CancellableWait.await(inFlight, cancellation, settings.readTimeout()));
        } catch (TimeoutException timedOut) {
            return Attempt.unanswered(new HttpTimeoutException("request timed out"));
        } catch (ExecutionException failed) {
            Optional<AnswerTooLargeException> tooLarge = AnswerTooLargeException.in(failed);
            if (tooLarge.isPresent()) {
                throw new ModelCallFailedException("%s answered the %s with an answer that %s."
                        .formatted(errors.server(), call, tooLarge.get().describe()));
            }
            if (failed.getCause() instanceof ModelCallFailedException unusable) {
                throw unusable;
            }
            if (failed.getCause() instanceof IOException unanswered) {
                return Attempt.unanswered(unanswered);
            }
            throw new ModelCallFailedException(redaction.apply("%s could not be called: %s"
                    .formatted(errors.server(), failed.getCause())), failed.getCause());
        }
    }

    private String describe(Attempt<?> outcome) {
        if (outcome.response() != null) {
            String said = errors.detailOf(outcome.response().body().errorBody()).message();
            return "HTTP %d%s".formatted(outcome.response().statusCode(), said == null ? "" : ": " + said);
        }
        IOException error = outcome.error();
        if (error instanceof HttpConnectTimeoutException) {
            return "no connection within %d ms".formatted(settings.connectTimeout().toMillis());
        }
        if (error instanceof HttpTimeoutException) {
            return "no answer within %d ms (AI_READ_TIMEOUT_MS)".formatted(settings.readTimeout().toMillis());
        }
        if (error instanceof ConnectException) {
            return "could not connect (%s)".formatted(error.getMessage() == null ? "refused" : error.getMessage());
        }
        return "the connection failed (%s)".formatted(
                error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }

    /** A 2xx body as the caller reads it, or an error body (capped) to quote. */
    record Received<T>(T value, String errorBody) {

        static <T> Received<T> success(T value) {
            return new Received<>(value, null);
        }

        static <T> Received<T> error(String body) {
            return new Received<>(null, body);
        }
    }

    /** One try: an HTTP answer, or the I/O error that stood in for one. */
    private record Attempt<T>(HttpResponse<Received<T>> response, IOException error) {

        static <T> Attempt<T> answered(HttpResponse<Received<T>> response) {
            return new Attempt<>(response, null);
        }

        static <T> Attempt<T> unanswered(IOException error) {
            return new Attempt<>(null, error);
        }

        boolean succeeded() {
            return response != null && response.statusCode() / 100 == 2;
        }

        /** Timeouts, dropped connections, 408, 409 (OpenAI's "try again"), 429 and 5xx are worth another try. */
        boolean retryable() {
            if (response == null) {
                return true;
            }
            int status = response.statusCode();
            return status == 408 || status == 409 || status == 429 || status >= 500;
        }
    }
}
