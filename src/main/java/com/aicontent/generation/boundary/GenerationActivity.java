package com.aicontent.generation.boundary;

import com.aicontent.generation.control.ExecutorLoad;
import com.aicontent.generation.control.GenerationExecutor;
import com.aicontent.generation.control.RunningGenerations;
import com.aicontent.generation.entity.ActiveRun;
import com.aicontent.generation.entity.ExecutorCounts;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What this instance is doing, for operators (JMX, health): its runs and its executor. */
@ApplicationScoped
public class GenerationActivity {

    @Inject
    RunningGenerations running;

    @Inject
    ExecutorLoad load;

    @Resource(lookup = GenerationExecutor.NAME)
    Executor executor;

    /**
     * Created at deployment, where the server resolves its {@code @Resource}: WildFly calls health
     * checks on a management thread, on which a {@code java:app} name is unknown.
     */
    void createdAtStartup(@Observes Startup startup) {
        // nothing to do: observing the event is what creates the bean
    }

    public List<ActiveRun> runs() {
        return running.all().stream()
                .map(run -> new ActiveRun(run.hash(), run.articleId(), run.brief().title(), run.attempt(), run.age()))
                .toList();
    }

    public int runCount() {
        return running.all().size();
    }

    public ExecutorCounts executorCounts() {
        return new ExecutorCounts(load.queued(), load.running(), load.submitted(), load.finished());
    }

    /** Runs a no-op task on the generation executor: what went wrong, or empty when it ran in time. */
    public Optional<String> executorProblem(Duration timeout) {
        try {
            CompletableFuture.runAsync(() -> { }, executor).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of("a no-op task did not run within " + timeout.toMillis() + " ms");
        } catch (ExecutionException | RuntimeException e) {
            return Optional.of("the executor refused work: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
