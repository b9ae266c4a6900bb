package com.aicontent.monitoring.boundary;

import com.aicontent.ApiClient;
import com.aicontent.DedicatedRedis;
import com.aicontent.progress.control.RedisFixture;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The readiness check against a real Redis of its own that it stops and starts again. */
class RedisReadinessIT {

    @Test
    void turnsDownWhenRedisStopsAndUpAgainWhenItReturns() {
        try (var redis = DedicatedRedis.start()) {
            var readiness = new RedisReadiness();
            RedisFixture fixture = RedisFixture.on(redis.url());
            readiness.redis = fixture.connection();
            try {
                assertEquals(Status.UP, readiness.call().getStatus());

                redis.stop();
                assertEquals(Status.DOWN, readiness.call().getStatus());

                redis.resume();
                awaitStatus(readiness, Status.UP);
            } finally {
                fixture.close();
            }
        }
    }

    /** The first PING after the outage may meet a pooled connection that died with the old server. */
    private static void awaitStatus(RedisReadiness readiness, Status expected) {
        Status status = readiness.call().getStatus();
        for (int attempt = 0; attempt < 50 && status != expected; attempt++) {
            ApiClient.pause(Duration.ofMillis(100));
            status = readiness.call().getStatus();
        }
        assertEquals(expected, status);
    }
}
