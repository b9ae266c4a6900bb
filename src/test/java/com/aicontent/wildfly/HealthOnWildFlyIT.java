package com.aicontent.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WildFlyServer.class)
class HealthOnWildFlyIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsUpWhenTheWarIsDeployedWithRedisAndPostgresql(WildFlyServer wildfly) throws Exception {
        var response = get(wildfly.managementUri().resolve("health/ready"));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void livenessIsUp(WildFlyServer wildfly) throws Exception {
        var response = get(wildfly.managementUri().resolve("health/live"));
        assertEquals(200, response.statusCode(), response.body());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
