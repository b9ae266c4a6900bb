package com.aicontent.generation.control;

import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.progress.control.InMemoryProgressStore;
import com.aicontent.progress.entity.ProgressStatus;
import com.aicontent.progress.entity.ProgressWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Leases: this instance's runs stay taken; a dead instance's are failed, so they can be restarted. */
class GenerationLeasesTest {

    final InMemoryProgressStore shared = new InMemoryProgressStore();
    final Testbed here = new Testbed(new ScriptedModel(), shared);

    @AfterEach
    void close() {
        here.close();
    }

    GenerationRun runningHere() {
        GenerationRun run = here.accept("here", 1, 0);
        here.running.add(run);
        here.store.write(run.hash(), new ProgressWrite.Begin(1, "b"));
        return run;
    }

    @Test
    void renewedRunsOutliveTheirFirstLease() {
        GenerationRun run = runningHere();
        shared.passTime(Duration.ofSeconds(20));
        here.leases.renewAndReap();
        shared.passTime(Duration.ofSeconds(20));
        here.leases.renewAndReap();
        assertEquals(ProgressStatus.processing, here.document(run).status());
    }

    @Test
    void aRunWhoseInstanceStoppedRenewingIsFailedInRedisAndTheDatabase() {
        GenerationRun elsewhere = here.accept("elsewhere", 1, 0);
        here.store.write(elsewhere.hash(), new ProgressWrite.Begin(1, "b")); // taken by an instance that then died
        shared.passTime(Duration.ofSeconds(31));
        here.leases.renewAndReap();
        assertEquals(ProgressStatus.failed, here.document(elsewhere).status());
        assertEquals(GenerationLeases.ABANDONED.get("error"), here.document(elsewhere).error());
        assertEquals(ArticleStatus.failed, here.article(elsewhere).status);
    }

    @Test
    void aGracefulStopFailsThisInstancesRunsAtOnce() {
        GenerationRun run = runningHere();
        here.leases.failOwnRunsOnStop(null);
        assertEquals(ProgressStatus.failed, here.document(run).status());
        assertEquals(ArticleStatus.failed, here.article(run).status);
    }

    @Test
    void aRedisOutageDuringUpkeepFailsNothing() {
        GenerationRun run = runningHere();
        shared.down(true);
        shared.passTime(Duration.ofSeconds(31));
        here.leases.renewAndReap();
        shared.down(false);
        assertEquals(ProgressStatus.processing, here.document(run).status());
    }
}
