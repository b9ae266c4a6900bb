package com.aicontent.monitoring.boundary;

import com.aicontent.monitoring.entity.SelfTestReport;

/**
 * {@code ai-content-generator:type=PollingSelfTest}: the polling self-test against this instance,
 * with the report as a table of checks (PASS/FAIL, what, milliseconds).
 */
public interface PollingSelfTestMXBean {

    /** With a new random session. */
    SelfTestReport run();

    /** With a session hash of your choosing (12 characters of A-Z, a-z and 0-9) that does not exist yet. */
    SelfTestReport runWithSession(String sessionHash);
}
