package com.aicontent.monitoring.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One check of the polling self-test, as the report, the command and JConsole show it.
 *
 * @param result PASS or FAIL
 * @param check  what was checked, in words; on a failure, what went wrong and what to look at
 * @param millis how long the check took, the Redis writes and HTTP calls it made included
 */
@JsonbPropertyOrder({"result", "check", "millis"})
public record SelfTestCheck(String result, String check, long millis) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    public boolean passed() {
        return PASS.equals(result);
    }

    /** {@code PASS the key has a TTL (3600 s)  (2 ms)}: the line the command prints. */
    @Override
    public String toString() {
        return result + " " + check + "  (" + millis + " ms)";
    }
}
