package com.aicontent.wildfly;

import com.aicontent.ApiClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MicroProfile Health of the WAR on WildFly, served on WildFly's management port. */
@ExtendWith(WildFlyServer.class)
class HealthOnWildFlyIT {

    @Test
    void readinessIsUpWithRedisAndPostgresqlAndLivenessWithTheExecutor(WildFlyServer wildfly) {
        var health = new ApiClient(wildfly.managementUri());
        var ready = health.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", check(ready, "redis").getString("status"));
        JsonObject database = check(ready, "database");
        assertEquals("UP", database.getString("status"));
        assertEquals("PostgreSQL", database.getJsonObject("data").getString("product"));
        var live = health.get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", check(live, "generation-executor").getString("status"));
    }

    @Test
    void readinessTurnsDownWhenRedisStopsAndUpWhenItReturns(WildFlyServer wildfly) {
        var health = new ApiClient(wildfly.managementUri());
        wildfly.redis().stop();
        try {
            var down = health.get("/health/ready");
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("DOWN", check(down, "redis").getString("status"));
            assertEquals("UP", check(down, "database").getString("status"));
        } finally {
            wildfly.redis().resume();
        }
        HttpResponse<String> up = health.get("/health/ready");
        for (int attempt = 0; attempt < 50 && up.statusCode() != 200; attempt++) {
            ApiClient.pause(Duration.ofMillis(100));
            up = health.get("/health/ready");
        }
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("UP", check(up, "redis").getString("status"));
    }

    static JsonObject check(HttpResponse<String> health, String name) {
        return ApiClient.json(health.body()).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> name.equals(check.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.body()));
    }
}
