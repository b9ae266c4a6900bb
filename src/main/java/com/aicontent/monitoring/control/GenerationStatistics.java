package com.aicontent.monitoring.control;

import com.aicontent.generation.entity.GenerationEvent;
import com.aicontent.monitoring.entity.LastError;
import com.aicontent.progress.entity.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * Counts what the pipeline reports through {@link GenerationEvent}s: generations started and how
 * they ended, how long runs and steps took, the latest error. It logs each run's end with its
 * duration, the one thing the pipeline's own log lines leave out.
 */
@ApplicationScoped
public class GenerationStatistics {

    private static final Logger LOG = Logger.getLogger(GenerationStatistics.class.getName());

    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private volatile DurationWindow runs = new DurationWindow();
    private final Map<String, DurationWindow> steps = new ConcurrentHashMap<>();
    private final AtomicReference<LastError> lastError = new AtomicReference<>();

    void on(@Observes GenerationEvent event) {
        switch (event.kind()) {
            case STARTED -> started.increment();
            case STEP_FINISHED -> {
                if (event.step() != null) {
                    steps.computeIfAbsent(event.step(), step -> new DurationWindow()).add(event.duration());
                }
            }
            case COMPLETED -> {
                completed.increment();
                runs.add(event.duration());
                ended(event, "completed");
            }
            case FAILED -> {
                failed.increment();
                lastError.set(new LastError(Instant.now(), event.sessionHash(), event.message()));
                ended(event, "failed");
            }
            case CANCELLED -> {
                cancelled.increment();
                ended(event, "cancelled");
            }
        }
    }

    private static void ended(GenerationEvent event, String how) {
        LOG.info(() -> "AI-PROGRESS [" + event.sessionHash() + "] generation of article " + event.aiContentId()
                + " " + how + " after " + event.duration().toMillis() + " ms");
    }

    public long started() {
        return started.sum();
    }

    public long completed() {
        return completed.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long cancelled() {
        return cancelled.sum();
    }

    /** Completed runs, start to end. */
    public DurationWindow runs() {
        return runs;
    }

    /** Per step wire name, in the steps' order; only steps that finished at least once. */
    public Map<String, Long> stepDurations(ToLongFunction<DurationWindow> measure) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            DurationWindow window = steps.get(step.name());
            if (window != null) {
                result.put(step.name(), measure.applyAsLong(window));
            }
        }
        return result;
    }

    public Optional<LastError> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** The state as JDK types, for {@link CarriedCounts}. */
    public Map<String, Object> toMap() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("generations.started", started());
        state.put("generations.completed", completed());
        state.put("generations.failed", failed());
        state.put("generations.cancelled", cancelled());
        state.put("generations.duration", runs.toArray());
        steps.forEach((step, window) -> state.put("step." + step, window.toArray()));
        lastError().ifPresent(error -> {
            state.put("lastError.at", error.at().toString());
            state.put("lastError.sessionHash", error.sessionHash());
            state.put("lastError.message", error.message());
        });
        return state;
    }

    /** Continues from the counts of a former deployment. */
    public void add(Map<String, Object> state) {
        started.add(CarriedCounts.number(state, "generations.started"));
        completed.add(CarriedCounts.number(state, "generations.completed"));
        failed.add(CarriedCounts.number(state, "generations.failed"));
        cancelled.add(CarriedCounts.number(state, "generations.cancelled"));
        if (state.get("generations.duration") instanceof long[] durations && runs.count() == 0) {
            runs = DurationWindow.of(durations);
        }
        state.forEach((key, value) -> {
            if (key.startsWith("step.") && value instanceof long[] durations) {
                steps.putIfAbsent(key.substring("step.".length()), DurationWindow.of(Arrays.copyOf(durations, durations.length)));
            }
        });
        if (state.get("lastError.message") instanceof String message && lastError.get() == null) {
            lastError.set(new LastError(Instant.parse((String) state.get("lastError.at")),
                    (String) state.get("lastError.sessionHash"), message));
        }
    }
}
