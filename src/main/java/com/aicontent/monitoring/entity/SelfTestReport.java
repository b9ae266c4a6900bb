package com.aicontent.monitoring.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a run of the polling self-test found: every check in order with its result and timing. The
 * API answers it as JSON, JConsole shows it as a table (a record, so the MXBean mapping makes it
 * CompositeData), and the command prints it line by line.
 *
 * @param application the application whose status endpoint was read
 * @param redis       where the simulated session was written, without credentials
 */
@Schema(name = "SelfTestReport", description = "The polling self-test's checks, in order, with PASS or FAIL and their time")
@JsonbPropertyOrder({"passed", "summary", "sessionHash", "application", "redis", "tookMillis", "checks"})
public record SelfTestReport(
        @JsonbProperty("passed") boolean passed,
        @JsonbProperty("summary") String summary,
        @Schema(name = "session_hash") @JsonbProperty("session_hash") String sessionHash,
        @JsonbProperty("application") String application,
        @JsonbProperty("redis") String redis,
        @Schema(name = "took_ms") @JsonbProperty("took_ms") long tookMillis,
        @JsonbProperty("checks") List<SelfTestCheck> checks) {

    public static SelfTestReport of(String sessionHash, String application, String redis, long tookMillis,
                                    List<SelfTestCheck> checks) {
        long failed = checks.stream().filter(check -> !check.passed()).count();
        boolean passed = failed == 0 && !checks.isEmpty();
        String summary = passed ? "all " + checks.size() + " checks passed"
                : failed + " of " + checks.size() + " checks failed";
        return new SelfTestReport(passed, summary, sessionHash, application, redis, tookMillis, List.copyOf(checks));
    }
}
