package com.aicontent.ai.control;

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
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The HTTP side of an OpenAI-compatible server: one POST with the key, the call limit, retries
 * for what retrying can fix (429, 5xx, timeouts, dropped connections) and a human message for
 * what it cannot. Calls run on {@code sendAsync} so that a cancel aborts the exchange at once
 * instead of waiting for a slow model to finish a text nobody will read.
 */
final class OpenAiEndpoint implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OpenAiEndpoint.class.getName());
    private static final int EXCERPT_LENGTH = 300;
    private static final int MAX_REDIRECTS = 5;

    private final OpenAiSettings settings;
    private final RetryDelays delays;
    private final Jsonb jsonb;
    private final KeyRedaction redaction;
    private final ConcurrentCallLimit limit;
    private final HttpClient http;

    OpenAiEndpoint(OpenAiSettings settings, RetryDelays delays, Jsonb jsonb) {
        this.settings = settings;
        this.delays = delays;
        this.jsonb = jsonb;
        this.redaction = new KeyRedaction(settings.apiKey());
        this.limit = new ConcurrentCallLimit(settings.maxConcurrentCalls());
        // never follow redirects with the key attached; image downloads follow them by hand, without it
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

    /**
     * POSTs {@code json} to {@code path} and returns the 2xx body.
     *
     * @param call what the call is for, in words, for messages ("chat completion for the headings")
     * @throws RejectedCallException a 4xx that retrying cannot fix
     * @throws ModelCallFailedException the attempts ran out, or the server could not be used at all
     */
    String post(String path, String json, String call, Cancellation cancellation) {
        HttpRequest request = apiRequest(settings.endpoint(path), json);
        for (int attempt = 1; ; attempt++) {
            cancellation.throwIfCancelled();
            Attempt outcome;
            try (ConcurrentCallLimit.Slot slot = limit.take(cancellation)) {
                cancellation.throwIfCancelled();
                outcome = send(request, cancellation);
            }
            if (outcome.succeeded()) {
                return outcome.response().body();
            }
            if (!outcome.retryable()) {
                throw rejected(outcome.response(), path, call);
            }
            String problem = describe(outcome);
            if (attempt >= settings.maxAttempts()) {
                throw new ModelCallFailedException(redaction.apply("%s failed the %s %d time%s; the last time: %s."
                        .formatted(server(), call, attempt, attempt == 1 ? "" : "s", problem)));
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

    /**
     * Downloads an image a server answered with as a URL: once, without our key (the URL usually
     * points at a storage host, not at the API), following redirects by hand.
     */
    Download download(String location, Cancellation cancellation) {
        if (location.startsWith("data:")) {
            return decodeDataUrl(location);
        }
        URI uri = settings.baseUrl().resolve(location);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            cancellation.throwIfCancelled();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.readTimeout())
                    .version(versionFor(uri))
                    .header("Accept", "image/*")
                    .GET()
                    .build();
            HttpResponse<byte[]> response;
            try {
                response = CancellableWait.await(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()),
                        cancellation, settings.readTimeout());
            } catch (TimeoutException timedOut) {
                throw new ModelCallFailedException("The image at %s did not arrive within %d ms."
                        .formatted(withoutQuery(uri), settings.readTimeout().toMillis()));
            } catch (ExecutionException failed) {
                throw new ModelCallFailedException(redaction.apply("The image at %s could not be downloaded: %s."
                        .formatted(withoutQuery(uri), failed.getCause())));
            }
            int status = response.statusCode();
            Optional<String> next = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && next.isPresent()) {
                uri = uri.resolve(next.get());
                continue;
            }
            if (status / 100 != 2) {
                throw new ModelCallFailedException(redaction.apply("The image at %s answered HTTP %d: %s"
                        .formatted(withoutQuery(uri), status, redaction.excerpt(
                                new String(response.body(), StandardCharsets.UTF_8), EXCERPT_LENGTH))));
            }
            return new Download(response.body(), response.headers().firstValue("Content-Type"));
        }
        throw new ModelCallFailedException("The image at %s redirected more than %d times."
                .formatted(withoutQuery(uri), MAX_REDIRECTS));
    }

    /** Bytes that were downloaded, with the type their server claimed. */
    record Download(byte[] bytes, Optional<String> contentType) {
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
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        settings.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    /** Plain-HTTP servers (Ollama, vLLM on localhost) get HTTP/1.1: no h2c upgrade dance with a POST body. */
    private static HttpClient.Version versionFor(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    private Attempt send(HttpRequest request, Cancellation cancellation) {
        CompletableFuture<HttpResponse<String>> inFlight =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // the request timeout covers the wait for the headers, this one the body as well
            return Attempt.answered(CancellableWait.await(inFlight, cancellation, settings.readTimeout()));
        } catch (TimeoutException timedOut) {
            return Attempt.unanswered(new HttpTimeoutException("request timed out"));
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException unanswered) {
                return Attempt.unanswered(unanswered);
            }
            throw new ModelCallFailedException(redaction.apply("%s could not be called: %s"
                    .formatted(server(), failed.getCause())), failed.getCause());
        }
    }

    private String describe(Attempt outcome) {
        if (outcome.response() != null) {
            return "HTTP %d%s".formatted(outcome.response().statusCode(),
                    detailOf(outcome.response().body()).map(detail -> ": " + detail).orElse(""));
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

    private RejectedCallException rejected(HttpResponse<String> response, String path, String call) {
        int status = response.statusCode();
        String detail = detailOf(response.body()).orElse("no explanation given");
        String message = switch (status) {
            case 401 -> "%s refused the API key (HTTP 401) for the %s: %s. Check AI_API_KEY."
                    .formatted(server(), call, detail);
            case 403 -> "%s denied access (HTTP 403) for the %s: %s. Check that the key may use this model."
                    .formatted(server(), call, detail);
            case 404 -> "%s has no %s or does not know the model (HTTP 404) for the %s: %s. Check AI_BASE_URL, AI_MODEL and AI_IMAGE_MODEL."
                    .formatted(server(), path, call, detail);
            case 400 -> "%s rejected the request (HTTP 400) for the %s: %s".formatted(server(), call, detail);
            default -> "%s answered HTTP %d for the %s: %s".formatted(server(), status, call, detail);
        };
        return new RejectedCallException(redaction.apply(message), status, detail);
    }

    /** What a server said about an error: OpenAI's {@code error.message}, Ollama's {@code error}, FastAPI's {@code detail}, or the raw text. */
    private Optional<String> detailOf(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Object parsed = jsonb.fromJson(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                Object error = map.get("error");
                if (error instanceof Map<?, ?> nested && nested.get("message") != null) {
                    return Optional.of(redaction.excerpt(String.valueOf(nested.get("message")), EXCERPT_LENGTH));
                }
                for (Object candidate : new Object[] {error, map.get("detail"), map.get("message")}) {
                    if (candidate != null) {
                        return Optional.of(redaction.excerpt(String.valueOf(candidate), EXCERPT_LENGTH));
                    }
                }
            }
        } catch (JsonbException | ClassCastException notJson) {
            // fall through to the raw text
        }
        return Optional.of(redaction.excerpt(body, EXCERPT_LENGTH));
    }

    private String server() {
        return "The model server at " + settings.displayBaseUrl();
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getPath();
    }

    private Download decodeDataUrl(String location) {
        int comma = location.indexOf(',');
        String header = comma < 0 ? "" : location.substring("data:".length(), comma);
        if (comma < 0 || !header.endsWith(";base64")) {
            throw new ModelCallFailedException("The image came as a data: URL that is not base64: "
                    + redaction.excerpt(location, 80));
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(location.substring(comma + 1));
            String type = header.substring(0, header.length() - ";base64".length());
            return new Download(bytes, type.isEmpty() ? Optional.empty() : Optional.of(type));
        } catch (IllegalArgumentException notBase64) {
            throw new ModelCallFailedException("The image came as a data: URL with broken base64.");
        }
    }

    /** One try: an HTTP answer, or the I/O error that stood in for one. */
    private record Attempt(HttpResponse<String> response, IOException error) {

        static Attempt answered(HttpResponse<String> response) {
            return new Attempt(response, null);
        }

        static Attempt unanswered(IOException error) {
            return new Attempt(null, error);
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
