package com.aicontent.generation.control;

import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.WriteOutcome;
import com.aicontent.progress.entity.WriteResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps generations from hanging in "processing" when the instance running them goes away. Each
 * instance renews a lease in Redis for its runs every third of the lease; every instance fails the
 * generations whose lease ran out, so an admin can restart them. A server that stops gracefully
 * fails its own runs at once.
 */
@ApplicationScoped
public class GenerationLeases {

    private static final Logger LOG = Logger.getLogger(GenerationLeases.class.getName());

    static final Map<String, String> ABANDONED = Map.of(
            "error", "the server running this generation stopped; restart it to continue",
            "fa", "سرور در حین تولید متوقف شد؛ برای ادامه، تولید را دوباره شروع کنید",
            "en", "The server running this generation stopped; restart it to continue");

    @Inject
    ProgressStore store;

    @Inject
    RunningGenerations running;

    @Inject
    ArticleStore articles;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long period = Math.max(1, store.lease().toSeconds() / 3);
        schedule = scheduler.scheduleAtFixedRate(this::renewAndReap, period, period, TimeUnit.SECONDS);
    }

    /** The progress store takes a lease with every write of a running generation; this renews them. */
    void renewAndReap() {
        try {
            store.renewLeases(running.all().stream().map(GenerationRun::hash).toList());
            for (ProgressDocument doc : store.reapStalled(ABANDONED)) {
                LOG.warning(() -> "AI-PROGRESS [" + doc.sessionHash() + "] failed: its server stopped renewing the lease");
                try {
                    articles.status(doc.aiContentId(), ArticleStatus.failed, ABANDONED.get("error"), null);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "AI-PROGRESS [" + doc.sessionHash() + "] could not record the failure in the database", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "AI-PROGRESS lease upkeep failed; next try in a few seconds", e);
        }
    }

    /** On a graceful stop, fails this instance's runs now rather than after the lease. */
    void failOwnRunsOnStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
        for (GenerationRun run : running.all()) {
            try {
                run.fail(ABANDONED.get("error"));
                WriteResult result = store.write(run.hash(), new ProgressWrite.Fail(run.attempt(), ABANDONED.get("error"),
                        ABANDONED.get(run.brief().language().name())));
                if (result.outcome() == WriteOutcome.APPLIED) {
                    articles.status(run.articleId(), ArticleStatus.failed, ABANDONED.get("error"), null);
                    LOG.warning(() -> "AI-PROGRESS [" + run.hash() + "] failed: the server is stopping");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "AI-PROGRESS [" + run.hash() + "] could not be marked failed on shutdown", e);
            }
        }
    }
}
