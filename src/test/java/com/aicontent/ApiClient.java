package com.aicontent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Talks to a running application over real HTTP, as an admin's browser or script would. */
public final class ApiClient {

    public static final String TOKEN = System.getProperty("it.adminToken", "integration-test-token");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        }
    }

    /** Starts a generation and answers its session hash. */
    public JsonObject start(String title, String language, int sections, int images) {
        HttpResponse<String> response = post("/api/ai-content", """
                {"title": %s, "language": "%s", "sections": %d, "images": %d}"""
                .formatted(Json.createValue(title).toString(), language, sections, images));
        if (response.statusCode() != 202) {
            throw new AssertionError("start answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    public JsonObject status(String hash) {
        HttpResponse<String> response = get("/api/ai-content-progress/" + hash + "/status");
        if (response.statusCode() != 200) {
            throw new AssertionError("status answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** Polls the status, as the browser does, until {@code done} holds; gives up after two minutes. */
    public JsonObject pollUntil(String hash, Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = status(hash);
            if (done.test(last)) {
                return last;
            }
            pause(Duration.ofMillis(50));
        }
        throw new AssertionError("gave up waiting; last status: " + last);
    }

    /**
     * The article once its status has caught up with the finished document: the end of a run is
     * recorded in Redis first (it decides races), then in the database, a moment later.
     */
    public JsonObject articleOnceSettled(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject article;
        do {
            article = json(get("/api/ai-content/" + id).body());
            if (terminal(article)) {
                return article;
            }
            pause(Duration.ofMillis(50));
        } while (System.nanoTime() < deadline);
        return article;
    }

    public static boolean terminal(JsonObject status) {
        String value = status.getString("status");
        return value.equals("completed") || value.equals("failed") || value.equals("cancelled");
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
