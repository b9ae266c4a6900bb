package com.aicontent.generation.control;

import com.aicontent.ai.control.ContentModel;
import com.aicontent.ai.entity.GenerationCancelledException;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.generation.entity.GenerationEvent.Kind;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.WriteOutcome;
import com.aicontent.progress.entity.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records how a run ended: progress first (what admins watch, and the arbiter of races), then the
 * article. The database follows what Redis decided: a cancel that beat the run's last write wins,
 * and a run superseded by a restart (on any instance) leaves the article to its successor. When
 * Redis does not answer, the run's own view stands.
 */
@ApplicationScoped
public class RunOutcomes {

    private static final Logger LOG = Logger.getLogger(RunOutcomes.class.getName());

    @Inject
    ProgressReporter progress;

    @Inject
    ArticleStore articles;

    @Inject
    ContentModel model;

    @Inject
    RunEvents events;

    /** @param error why the run stopped, {@code null} when it finished every step */
    public void record(GenerationRun run, Throwable error) {
        if (error == null) {
            recordAsDecided(run, progress.complete(run), ProgressStatus.completed, null);
        } else if (run.cancelledByRequest()) {
            LOG.info(() -> "AI-PROGRESS [" + run.hash() + "] attempt " + run.attempt() + " stopped after cancel");
            ProgressDocument doc = progress.current(run);
            if (doc != null && doc.attempt() == run.attempt() && doc.status().isTerminal()) {
                recordInDatabase(run, doc.status(), doc.error());
            }
        } else {
            String message = run.failure() != null ? run.failure() : describe(error);
            run.fail(message);
            Throwable cause = unwrap(error);
            LOG.log(Level.WARNING, "AI-PROGRESS [" + run.hash() + "] attempt " + run.attempt() + " failed: " + message,
                    cause instanceof ModelCallFailedException || cause instanceof GenerationCancelledException ? null : cause);
            recordAsDecided(run, progress.fail(run, message), ProgressStatus.failed, message);
        }
    }

    /** After the run's own final write, which Redis may have refused ({@code null}: Redis did not answer). */
    private void recordAsDecided(GenerationRun run, WriteResult result, ProgressStatus wanted, String error) {
        if (result == null || result.outcome() == WriteOutcome.APPLIED || result.outcome() == WriteOutcome.MISSING) {
            recordInDatabase(run, wanted, error);
            return;
        }
        ProgressDocument doc = result.document();
        if (doc.attempt() == run.attempt()) {
            recordInDatabase(run, doc.status(), doc.error());
        }
    }

    private void recordInDatabase(GenerationRun run, ProgressStatus status, String error) {
        ArticleStatus outcome = ArticleStatus.valueOf(status.name());
        try {
            articles.status(run.articleId(), outcome, error, outcome == ArticleStatus.completed ? model.modelName() : null);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "AI-PROGRESS [" + run.hash() + "] could not record the end of the run in the database", e);
        }
        Kind kind = switch (outcome) {
            case completed -> Kind.COMPLETED;
            case cancelled -> Kind.CANCELLED;
            default -> Kind.FAILED;
        };
        events.ended(run, kind, error);
    }

    /** A message an admin can act on; internals stay in the log. */
    static String describe(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ModelCallFailedException) {
            return cause.getMessage();
        }
        if (cause instanceof GenerationCancelledException) {
            return "stopped because another part failed";
        }
        return "internal error (" + cause.getClass().getSimpleName() + "); see the server log";
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
