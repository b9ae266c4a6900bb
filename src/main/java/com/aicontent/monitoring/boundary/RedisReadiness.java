package com.aicontent.monitoring.boundary;

import com.aicontent.progress.control.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.Optional;

/** Without Redis there is no progress to poll: not ready. Asks with PING through the store. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        long started = System.nanoTime();
        boolean pong = redis.ping();
        long micros = (System.nanoTime() - started) / 1000;
        return new HealthCheckResponse("redis", pong ? Status.UP : Status.DOWN, Optional.of(Map.of("pingMicros", micros)));
    }
}
