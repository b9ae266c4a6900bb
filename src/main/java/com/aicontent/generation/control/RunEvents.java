package com.aicontent.generation.control;

import com.aicontent.generation.entity.GenerationEvent;
import com.aicontent.generation.entity.GenerationEvent.Kind;
import com.aicontent.progress.entity.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells whoever counts or watches (JMX, webhooks) what happened to a run, as CDI events, and logs
 * each step's duration under {@code AI-PROGRESS}. A failing observer never fails the run.
 */
@ApplicationScoped
public class RunEvents {

    private static final Logger LOG = Logger.getLogger(RunEvents.class.getName());

    @Inject
    Event<GenerationEvent> events;

    void started(GenerationRun run) {
        publish(run, Kind.STARTED, null, Duration.ZERO, null);
    }

    void stepFinished(GenerationRun run, Step step, Instant started) {
        Duration took = Duration.between(started, Instant.now());
        LOG.info(() -> "AI-PROGRESS [" + run.hash() + "] step " + step + " took " + took.toMillis() + " ms");
        publish(run, Kind.STEP_FINISHED, step.name(), took, null);
    }

    void ended(GenerationRun run, Kind kind, String error) {
        publish(run, kind, null, run.age(), kind == Kind.FAILED ? error : null);
    }

    private void publish(GenerationRun run, Kind kind, String step, Duration duration, String message) {
        try {
            events.fire(new GenerationEvent(run.hash().value(), run.articleId(), kind, step, duration, message));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of generation events failed", e);
        }
    }
}
