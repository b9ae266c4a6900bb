package com.aicontent.generation.boundary;

import com.aicontent.ai.control.ContentModel;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleOrder;
import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.generation.control.ArticlePipeline;
import com.aicontent.generation.control.GenerationRun;
import com.aicontent.generation.control.RunningGenerations;
import com.aicontent.generation.entity.GenerationRequest;
import com.aicontent.generation.entity.ProgressMessages;
import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import com.aicontent.progress.entity.RedisUnavailableException;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.aicontent.progress.entity.WriteOutcome;
import com.aicontent.progress.entity.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * Starts, cancels and restarts generations: the one entry point for the REST API and for JMX. The
 * progress document decides what is allowed (atomically, in Redis), so two admins or two instances
 * acting at once cannot both win.
 */
@ApplicationScoped
public class Generations {

    private static final Logger LOG = Logger.getLogger(Generations.class.getName());

    @Inject
    ProgressStore store;

    @Inject
    ArticleStore articles;

    @Inject
    ArticlePipeline pipeline;

    @Inject
    RunningGenerations running;

    @Inject
    ContentModel model;

    /** Keeps the article, publishes its progress document, and runs it in the background. */
    public Started start(GenerationRequest request) {
        ArticleBrief brief = request.brief();
        SessionHash hash = SessionHash.random();
        long id = articles.create(hash.value(), brief, model.modelName());
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            store.write(hash, new ProgressWrite.Create(ProgressDocument.pending(id, hash, brief.title(), brief.language(),
                    ProgressMessages.inStep(brief.language(), Step.initialization), brief.sections(),
                    Math.min(brief.images(), brief.sections()), now)));
        } catch (RedisUnavailableException e) {
            articles.status(id, ArticleStatus.failed, "the progress store (Redis) did not answer", null);
            throw e;
        }
        LOG.info(() -> "AI-PROGRESS [" + hash + "] started article " + id + " (" + brief.language() + ", "
                + brief.sections() + " sections, " + brief.images() + " images)");
        pipeline.start(new GenerationRun(hash, id, 1, brief));
        return new Started(hash, id);
    }

    public record Started(SessionHash hash, long aiContentId) {
    }

    /** Cancels through Redis, so the instance running it stops too, wherever it is. */
    public WriteResult cancel(SessionHash hash) {
        WriteResult result = store.write(hash, new ProgressWrite.Cancel(ProgressMessages.CANCELLED));
        switch (result.outcome()) {
            case APPLIED, UNCHANGED -> {
                running.cancel(hash);
                articles.status(result.document().aiContentId(), ArticleStatus.cancelled, null, null);
                LOG.info(() -> "AI-PROGRESS [" + hash + "] cancelled");
            }
            default -> { }
        }
        return result;
    }

    /** Runs a failed or cancelled generation again from its first unfinished step. */
    public WriteResult restart(SessionHash hash) {
        WriteResult result = store.write(hash, ProgressWrite.Restart.of(ProgressMessages.RESUMING));
        if (result.outcome() == WriteOutcome.APPLIED) {
            ProgressDocument doc = result.document();
            articles.status(doc.aiContentId(), ArticleStatus.processing, null, null);
            ArticleOrder order = articles.draft(doc.aiContentId()).orElseThrow().order();
            ArticleBrief brief = new ArticleBrief(order.title(), order.language(), order.sections(), order.images());
            LOG.info(() -> "AI-PROGRESS [" + hash + "] restarted as attempt " + doc.attempt());
            pipeline.start(new GenerationRun(hash, doc.aiContentId(), doc.attempt(), brief));
        }
        return result;
    }
}
