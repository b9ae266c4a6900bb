package com.aicontent.generation.boundary;

import com.aicontent.ai.control.ContentModel;
import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleOrder;
import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.generation.control.ArticlePipeline;
import com.aicontent.generation.control.GenerationRun;
import com.aicontent.generation.control.RunningGenerations;
import com.aicontent.generation.entity.GenerationRequest;
import com.aicontent.generation.entity.ProgressMessages;
import com.aicontent.progress.control.GenerationSlots;
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

    @Inject
    GenerationSlots slots;

    /**
     * Keeps the article, publishes its progress document, and runs it in the background; {@code by}
     * (the signed-in user) is recorded as {@code started_by} and must have a free slot.
     */
    public Started start(GenerationRequest request, String by) {
        ArticleBrief brief = request.brief();
        SessionHash hash = SessionHash.random();
        GenerationSlots.Claim slot = claimSlot(by, hash);
        long id;
        try {
            id = articles.create(hash.value(), brief, model.modelName(), by);
        } catch (RuntimeException e) {
            slots.release(by, hash, slot);
            throw e;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            store.write(hash, new ProgressWrite.Create(ProgressDocument.pending(id, hash, brief.title(), brief.language(),
                    ProgressMessages.inStep(brief.language(), Step.initialization), brief.sections(),
                    Math.min(brief.images(), brief.sections()), now, by)));
        } catch (RedisUnavailableException e) {
            articles.status(id, ArticleStatus.failed, "the progress store (Redis) did not answer", null);
            throw e;
        }
        LOG.info(() -> "AI-PROGRESS [" + hash + "] started article " + id + " by " + by + " (" + brief.language() + ", "
                + brief.sections() + " sections, " + brief.images() + " images)");
        pipeline.start(new GenerationRun(hash, id, 1, brief));
        return new Started(hash, id);
    }

    public record Started(SessionHash hash, long aiContentId) {
    }

    private GenerationSlots.Claim claimSlot(String by, SessionHash hash) {
        GenerationSlots.Claim claim = slots.claim(by, hash);
        if (claim == GenerationSlots.Claim.NONE_LEFT) {
            throw new ProblemException(429, "Too Many Requests", by + " already runs " + slots.maxPerUser()
                    + " generations, the most GENERATION_MAX_PER_USER allows; wait for one to end");
        }
        return claim;
    }

    /** Cancels through Redis, so the instance running it stops too, wherever it is; {@code by} is kept as cancelled_by. */
    public WriteResult cancel(SessionHash hash, String by) {
        WriteResult result = store.write(hash, new ProgressWrite.Cancel(ProgressMessages.CANCELLED, by));
        switch (result.outcome()) {
            case APPLIED, UNCHANGED -> {
                running.cancel(hash);
                long id = result.document().aiContentId();
                articles.status(id, ArticleStatus.cancelled, null, null);
                if (result.outcome() == WriteOutcome.APPLIED) {
                    articles.cancelledBy(id, by);
                    LOG.info(() -> "AI-PROGRESS [" + hash + "] cancelled by " + by);
                }
            }
            default -> { }
        }
        return result;
    }

    /** Runs a failed or cancelled generation again from its first unfinished step; {@code by} needs a free slot. */
    public WriteResult restart(SessionHash hash, String by) {
        GenerationSlots.Claim slot = claimSlot(by, hash);
        WriteResult result = store.write(hash, ProgressWrite.Restart.of(ProgressMessages.RESUMING, by));
        if (result.outcome() == WriteOutcome.APPLIED) {
            ProgressDocument doc = result.document();
            articles.status(doc.aiContentId(), ArticleStatus.processing, null, null);
            articles.restartedBy(doc.aiContentId(), by);
            ArticleOrder order = articles.draft(doc.aiContentId()).orElseThrow().order();
            ArticleBrief brief = new ArticleBrief(order.title(), order.language(), order.sections(), order.images());
            LOG.info(() -> "AI-PROGRESS [" + hash + "] restarted as attempt " + doc.attempt() + " by " + by);
            pipeline.start(new GenerationRun(hash, doc.aiContentId(), doc.attempt(), brief));
        } else {
            slots.release(by, hash, slot);
        }
        return result;
    }
}
