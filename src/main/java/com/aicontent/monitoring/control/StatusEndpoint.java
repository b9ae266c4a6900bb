package com.aicontent.monitoring.control;

import com.aicontent.progress.entity.SessionHash;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The application's status endpoint, read over real HTTP as the browser reads it: the same path,
 * bearer credential and {@code If-None-Match}. A call that cannot be made becomes a
 * {@link SelfTestStopped} sentence.
 */
public final class StatusEndpoint implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI application;
    private final String authorization;
    private final String hint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param authorization the {@code Authorization} header to send
     * @param hint          where the operator sets the address, for the sentence when nothing answers
     */
    public StatusEndpoint(URI application, String authorization, String hint) {
        String base = application.toString();
        this.application = URI.create(base.endsWith("/") ? base : base + "/");
        this.authorization = authorization;
        this.hint = hint;
    }

    /** One answer of the endpoint; {@code etag} and {@code cacheControl} are empty when missing. */
    public record Answer(int status, String etag, String cacheControl, String body) {
    }

    public URI application() {
        return application;
    }

    public Answer get(SessionHash hash, String ifNoneMatch) {
        URI uri = application.resolve("api/ai-content-progress/" + hash + "/status");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(""),
                    response.headers().firstValue("Cache-Control").orElse(""), response.body());
        } catch (HttpTimeoutException e) {
            throw new SelfTestStopped("cannot reach " + uri + ": no answer within " + TIMEOUT.toSeconds() + " s; " + hint);
        } catch (ConnectException e) {
            throw new SelfTestStopped("cannot reach " + uri + ": nothing answers there (connection refused); " + hint);
        } catch (IOException e) {
            throw new SelfTestStopped("cannot reach " + uri + ": " + (e.getMessage() == null ? "the connection failed" : e.getMessage())
                    + "; " + hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfTestStopped("interrupted while calling " + uri);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
