package com.aicontent.monitoring.boundary;

import com.aicontent.generation.boundary.GenerationActivity;
import com.aicontent.generation.boundary.Generations;
import com.aicontent.generation.entity.ActiveRun;
import com.aicontent.monitoring.control.DurationWindow;
import com.aicontent.monitoring.control.GenerationStatistics;
import com.aicontent.monitoring.entity.ActiveGeneration;
import com.aicontent.monitoring.entity.LastError;
import com.aicontent.progress.control.ProgressDocuments;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.RedisUnavailableException;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.WriteResult;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What JConsole shows under {@code type=Generations}: the counts the pipeline's events feed, the
 * runs of this instance with their progress from Redis, and the same cancel the REST API offers.
 */
public class GenerationsMonitor implements GenerationsMXBean {

    private static final Logger LOG = Logger.getLogger(GenerationsMonitor.class.getName());
    /**
     * Who a cancel through JMX is recorded as. JMX is admin: the server's JMX connector decides who may
     * connect (its own authentication), and whoever it lets in may do what an admin may.
     */
    static final String JMX_CALLER = "jmx";

    private final GenerationStatistics statistics;
    private final GenerationActivity activity;
    private final Generations generations;
    private final ProgressDocuments documents;

    public GenerationsMonitor(GenerationStatistics statistics, GenerationActivity activity, Generations generations,
                              ProgressDocuments documents) {
        this.statistics = statistics;
        this.activity = activity;
        this.generations = generations;
        this.documents = documents;
    }

    @Override
    public int getActive() {
        return activity.runCount();
    }

    @Override
    public long getStarted() {
        return statistics.started();
    }

    @Override
    public long getCompleted() {
        return statistics.completed();
    }

    @Override
    public long getFailed() {
        return statistics.failed();
    }

    @Override
    public long getCancelled() {
        return statistics.cancelled();
    }

    @Override
    public long getAverageDurationMillis() {
        return statistics.runs().averageMillis();
    }

    @Override
    public long getP95DurationMillis() {
        return statistics.runs().p95Millis();
    }

    @Override
    public Map<String, Long> getAverageStepDurationMillis() {
        return statistics.stepDurations(DurationWindow::averageMillis);
    }

    @Override
    public Map<String, Long> getP95StepDurationMillis() {
        return statistics.stepDurations(DurationWindow::p95Millis);
    }

    @Override
    public String getLastError() {
        return statistics.lastError().map(LastError::toString).orElse("");
    }

    @Override
    public String cancel(String sessionHash) {
        if (!SessionHash.isWellFormed(sessionHash)) {
            return "not a session hash (12 characters of A-Z, a-z and 0-9): " + sessionHash;
        }
        SessionHash hash = new SessionHash(sessionHash);
        LOG.info(() -> "AI-PROGRESS [" + hash + "] cancel requested through JMX");
        try {
            WriteResult result = generations.cancel(hash, JMX_CALLER);
            return switch (result.outcome()) {
                case APPLIED -> "cancelled " + hash;
                case UNCHANGED -> hash + " was cancelled already";
                case MISSING -> "no generation " + hash + " (unknown, or its progress expired)";
                default -> "not cancelled: " + hash + " is " + result.document().status();
            };
        } catch (RedisUnavailableException e) {
            return "not cancelled: Redis did not answer (" + e.getMessage() + ")";
        }
    }

    @Override
    public List<ActiveGeneration> listActive() {
        return activity.runs().stream()
                .map(this::describe)
                .sorted(Comparator.comparingLong(ActiveGeneration::ageSeconds).reversed())
                .toList();
    }

    private ActiveGeneration describe(ActiveRun run) {
        Optional<ProgressDocument> document;
        try {
            document = documents.find(run.hash());
        } catch (RedisUnavailableException e) {
            document = Optional.empty();
        }
        return new ActiveGeneration(run.hash().value(), run.articleId(), run.title(), run.attempt(),
                document.map(doc -> doc.step().name()).orElse("unknown"),
                document.map(ProgressDocument::progress).orElse(-1),
                run.age().toSeconds());
    }
}
