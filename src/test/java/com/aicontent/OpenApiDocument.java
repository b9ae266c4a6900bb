package com.aicontent;

import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the served OpenAPI document must say, whichever server generated it. */
public final class OpenApiDocument {

    static final Map<String, Set<String>> OPERATIONS = Map.of(
            "/api/ai-content", Set.of("get", "post"),
            "/api/ai-content/{id}", Set.of("get"),
            "/api/ai-content/{id}/images/{index}", Set.of("get"),
            "/api/ai-content-progress/{sessionHash}/status", Set.of("get"),
            "/api/ai-content-progress/{sessionHash}/cancel", Set.of("post"),
            "/api/ai-content-progress/{sessionHash}/restart", Set.of("post"),
            "/api/polling-self-test", Set.of("post"));

    private OpenApiDocument() {
    }

    /** Every endpoint with a summary, its success, 401 and its problems; the bodies by their JSON names. */
    public static void assertDescribesTheApi(ApiClient api) {
        var response = api.send(api.request("/openapi").header("Accept", "application/json").GET().build());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject document = ApiClient.json(response.body());
        assertEquals("ai-content-generator", document.getJsonObject("info").getString("title"));
        JsonObject paths = document.getJsonObject("paths");
        OPERATIONS.forEach((path, methods) -> {
            assertTrue(paths.containsKey(path), "the document has " + path + ": " + paths.keySet());
            for (String method : methods) {
                JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
                assertTrue(operation != null && operation.containsKey("summary"), method + " " + path + " has a summary");
                JsonObject responses = operation.getJsonObject("responses");
                assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), method + " " + path + " has a success");
                assertTrue(responses.containsKey("401"), method + " " + path + " documents 401: " + responses.keySet());
                assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("4") && !code.equals("401")),
                        method + " " + path + " documents its problems: " + responses.keySet());
            }
        });
        JsonObject components = document.getJsonObject("components");
        for (String problem : List.of("BadRequest", "Unauthorized", "NotFound", "Conflict", "ContentTooLarge", "RedisUnavailable")) {
            assertTrue(components.getJsonObject("responses").getJsonObject(problem).getJsonObject("content")
                    .containsKey("application/problem+json"), problem + " is a problem+json response");
        }
        assertTrue(components.getJsonObject("securitySchemes").containsKey("bearer"));
        String text = response.body();
        for (String name : List.of("session_hash", "ai_content_id", "current_message", "is_completed", "status_url")) {
            assertTrue(text.contains("\"" + name + "\""), "bodies use the JSON name " + name);
        }
    }
}
