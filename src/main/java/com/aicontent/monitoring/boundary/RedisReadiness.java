package com.aicontent.monitoring.boundary;

import com.aicontent.progress.control.ProgressStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Without Redis there is no progress to poll: not ready. Asks with PING through the store. */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    @Inject
    ProgressStore store;

    @Override
    public HealthCheckResponse call() {
        long started = System.nanoTime();
        boolean pong = store.ping();
        long micros = (System.nanoTime() - started) / 1000;
        return HealthCheckResponse.named("redis").status(pong).withData("pingMicros", micros).build();
    }
}
