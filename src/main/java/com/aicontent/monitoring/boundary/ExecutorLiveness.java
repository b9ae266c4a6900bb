package com.aicontent.monitoring.boundary;

import com.aicontent.generation.control.ExecutorLoad;
import com.aicontent.generation.control.GenerationExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alive while the generation executor still takes work: a no-op task must run within
 * {@code HEALTH_EXECUTOR_TIMEOUT_MS}. An executor that refuses or never runs it will never finish
 * a generation either, and only a restart helps.
 */
@Liveness
@ApplicationScoped
public class ExecutorLiveness implements HealthCheck {

    @Resource(lookup = GenerationExecutor.NAME)
    ManagedExecutorService executor;

    @Inject
    ExecutorLoad load;

    @Inject
    @ConfigProperty(name = "HEALTH_EXECUTOR_TIMEOUT_MS", defaultValue = "5000")
    long timeoutMillis;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("generation-executor")
                .withData("tasksQueued", load.queued())
                .withData("tasksRunning", load.running());
        try {
            executor.submit(() -> { }).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (TimeoutException e) {
            return response.down().withData("error", "a no-op task did not run within " + timeoutMillis + " ms").build();
        } catch (ExecutionException | RuntimeException e) {
            return response.down().withData("error", "the executor refused work: " + e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
