package com.aicontent.generation.control;

import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.SessionHash;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
    ManagedThreadFactory threads;

    private final Map<String, GenerationRun> runs = new ConcurrentHashMap<>();
    private AutoCloseable subscription;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        subscription = store.subscribe(threads, this::onUpdate);
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

    /** Stops local runs that the document says are cancelled or superseded by a restart elsewhere. */
    void onUpdate(SessionHash hash, String json) {
        GenerationRun run = runs.get(hash.value());
        if (run == null) {
            return;
        }
        ProgressDocument doc = store.parse(json);
        if ("cancelled".equals(doc.status()) || doc.attempt() > run.attempt()) {
            LOG.info(() -> "AI-PROGRESS [" + hash + "] cancel signal received; stopping the local run");
            run.cancel();
        }
    }

    /** Checks Redis itself, for the rare signal the subscription missed (during a Redis outage). */
    public boolean stillWanted(GenerationRun run) {
        try {
            return store.readDocument(run.hash())
                    .map(doc -> !"cancelled".equals(doc.status()) && doc.attempt() == run.attempt())
                    .orElse(true);
        } catch (RuntimeException redisDown) {
            return true;
        }
    }
}
