package com.aicontent.monitoring.control;

import com.aicontent.monitoring.entity.SelfTestCheck;
import com.aicontent.monitoring.entity.SelfTestReport;
import com.aicontent.progress.entity.SessionHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollingSelfTestTest {

    SimulatedApplication application;
    StatusEndpoint endpoint;
    final List<SelfTestCheck> told = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        application = new SimulatedApplication();
        endpoint = new StatusEndpoint(application.url(), "Bearer " + SimulatedApplication.TOKEN, "check --url");
    }

    @AfterEach
    void stop() {
        endpoint.close();
        application.close();
    }

    SelfTestReport run(SessionHash hash) {
        return new PollingSelfTest(application, endpoint, "pass the token").run(Optional.of(hash), told::add);
    }

    @Test
    void thirtyTwoChecksPassThroughAllSevenStepsAndTheSessionIsRemoved() {
        SessionHash hash = SessionHash.random();
        SelfTestReport report = run(hash);
        assertTrue(report.passed(), report.checks().toString());
        assertEquals(32, report.checks().size());
        assertEquals("all 32 checks passed", report.summary());
        assertEquals(report.checks(), told, "each check is told as it is done");
        assertTrue(report.checks().stream().anyMatch(check -> check.check().startsWith("faq_generation (processing, 100%)")));
        assertEquals("cleaned up: the key is gone and the endpoint answers 404", report.checks().getLast().check());
        assertFalse(application.holds(hash));
    }

    @Test
    void aSessionThatExistsIsNeitherWrittenNorRemoved() {
        SessionHash hash = SessionHash.random();
        application.existing(hash);
        SelfTestReport report = run(hash);
        assertFalse(report.passed());
        assertEquals(List.of("exists"), application.calls);
        assertTrue(report.checks().getFirst().check().contains("exists already"), report.toString());
        assertTrue(application.holds(hash));
    }

    @Test
    void aRefusedTokenEndsTheRunWithWhatToDo() {
        endpoint.close();
        endpoint = new StatusEndpoint(application.url(), "Bearer wrong", "check --url");
        SelfTestReport report = run(SessionHash.random());
        assertEquals(List.of("FAIL the application refused the token (HTTP 401): pass the token"),
                report.checks().stream().map(check -> check.result() + " " + check.check()).toList());
    }

    @Test
    void aRedisThatDiesMidwayIsToldInItsSentenceAndTheKeyIsStillRemovedWhenItCanBe() {
        application.failOn = "enter image_generation";
        SessionHash hash = SessionHash.random();
        SelfTestReport report = run(hash);
        assertFalse(report.passed());
        List<SelfTestCheck> failed = report.checks().stream().filter(check -> !check.passed()).toList();
        assertEquals(1, failed.size(), report.checks().toString());
        assertEquals("Redis at 127.0.0.1:6379 did not answer: is it running?", failed.getFirst().check());
        assertTrue(application.calls.contains("delete"));
        assertFalse(application.holds(hash));
    }

    @Test
    void aRedisThatIsDownFromTheStartIsOneFailedCheckAndNothingElse() {
        application.redisDown = true;
        SelfTestReport report = run(SessionHash.random());
        assertEquals("1 of 1 checks failed", report.summary());
        assertEquals("Redis at 127.0.0.1:6379 did not answer: is it running?", report.checks().getFirst().check());
    }
}
