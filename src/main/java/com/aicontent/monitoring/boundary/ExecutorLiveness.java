package com.aicontent.monitoring.boundary;

import com.aicontent.generation.control.ExecutorLoad;
import com.aicontent.generation.control.GenerationExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Liveness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Created at deployment, where the server resolves its {@code @Resource}: WildFly calls health
     * checks on a management thread, on which a {@code java:comp}/{@code java:app} name is unknown.
     */
    void createdAtStartup(@Observes Startup startup) {
        // nothing to do: observing the event is what creates the bean
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tasksQueued", load.queued());
        data.put("tasksRunning", load.running());
        try {
            executor.submit(() -> { }).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return response(Status.UP, data);
        } catch (TimeoutException e) {
            data.put("error", "a no-op task did not run within " + timeoutMillis + " ms");
        } catch (ExecutionException | RuntimeException e) {
            data.put("error", "the executor refused work: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            data.put("error", "interrupted");
        }
        return response(Status.DOWN, data);
    }

    private static HealthCheckResponse response(Status status, Map<String, Object> data) {
        return new HealthCheckResponse("generation-executor", status, Optional.of(data));
    }
}
