package com.aicontent.monitoring.boundary;

import com.aicontent.generation.boundary.GenerationActivity;
import com.aicontent.generation.entity.ExecutorCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Alive while the generation executor still takes work: a no-op task must run within
 * {@code HEALTH_EXECUTOR_TIMEOUT_MS}. An executor that refuses or never runs it will never finish
 * a generation either, and only a restart helps.
 */
@Liveness
@ApplicationScoped
public class ExecutorLiveness implements HealthCheck {

    @Inject
    GenerationActivity activity;

    @Inject
    @ConfigProperty(name = "HEALTH_EXECUTOR_TIMEOUT_MS", defaultValue = "5000")
    long timeoutMillis;

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        ExecutorCounts counts = activity.executorCounts();
        data.put("tasksQueued", counts.queued());
        data.put("tasksRunning", counts.running());
        Optional<String> problem = activity.executorProblem(Duration.ofMillis(timeoutMillis));
        problem.ifPresent(error -> data.put("error", error));
        return response(problem.isPresent() ? Status.DOWN : Status.UP, data);
    }

    private static HealthCheckResponse response(Status status, Map<String, Object> data) {
        return new HealthCheckResponse("generation-executor", status, Optional.of(data));
    }
}
