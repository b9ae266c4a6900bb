package com.aicontent.generation.control;

import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.SessionHash;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import java.util.concurrent.ThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runs executing on this instance. It follows the update channel, so a cancel written by any
 * instance (or straight into Redis) stops the local tasks at once.
 */
@ApplicationScoped
public class RunningGenerations {

    private static final Logger LOG = Logger.getLogger(RunningGenerations.class.getName());

    @Inject
    ProgressStore store;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ThreadFactory threads;

    private final Map<String, GenerationRun> runs = new ConcurrentHashMap<>();
    private AutoCloseable subscription;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        subscription = store.follow(threads, hash -> runs.containsKey(hash.value()), this::onUpdate);
    }

    @PreDestroy
    void stopListening() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing the update subscription", e);
        }
    }

    /** Registers a run; a former run of the same generation, if still here, is cancelled. */
    public void add(GenerationRun run) {
        GenerationRun former = runs.put(run.hash().value(), run);
        if (former != null && former != run) {
            former.cancel();
        }
    }

    /** @return whether the run was still the current one of its generation */
    public boolean remove(GenerationRun run) {
        return runs.remove(run.hash().value(), run);
    }

    public Optional<GenerationRun> find(SessionHash hash) {
        return Optional.ofNullable(runs.get(hash.value()));
    }

    public Collection<GenerationRun> all() {
        return List.copyOf(runs.values());
    }

    /** Cancels the local run of a generation, if this instance runs it. */
    public void cancel(SessionHash hash) {
        find(hash).ifPresent(GenerationRun::cancel);
    }

    /** Every document any instance writes for a generation running here passes here. */
    void onUpdate(ProgressDocument doc) {
        GenerationRun run = runs.get(doc.sessionHash());
        if (run != null) {
            stopIfNoLongerWanted(run, doc);
        }
    }

    /**
     * Stops a local run that the document says is cancelled, superseded by a restart elsewhere, or
     * failed by another instance (which took this one for dead).
     */
    private void stopIfNoLongerWanted(GenerationRun run, ProgressDocument doc) {
        if (doc.status() == ProgressStatus.cancelled || doc.attempt() > run.attempt()) {
            if (!run.isCancelled()) {
                LOG.info(() -> "AI-PROGRESS [" + run.hash() + "] cancel signal received; stopping the local run");
            }
            run.cancel();
        } else if (doc.status() == ProgressStatus.failed && doc.attempt() == run.attempt()) {
            run.fail(doc.error() == null ? "failed on another instance" : doc.error());
        }
    }

    /**
     * Reads the document itself before a model call, for the rare signal the subscription missed
     * (during a Redis outage); a Redis that does not answer stops nothing.
     */
    public void checkStillWanted(GenerationRun run) {
        try {
            store.find(run.hash()).ifPresent(doc -> stopIfNoLongerWanted(run, doc));
        } catch (RuntimeException redisDown) {
            LOG.log(Level.FINE, "AI-PROGRESS could not check the document; going on", redisDown);
        }
    }
}
