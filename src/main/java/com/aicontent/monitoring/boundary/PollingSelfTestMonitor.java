package com.aicontent.monitoring.boundary;

import com.aicontent.api.control.AdminToken;
import com.aicontent.monitoring.control.InstanceSelfTest;
import com.aicontent.monitoring.entity.SelfTestCheck;
import com.aicontent.monitoring.entity.SelfTestReport;
import com.aicontent.progress.entity.SessionHash;

import java.util.List;
import java.util.Optional;

/**
 * What JConsole runs under {@code type=PollingSelfTest}. A JMX caller has no HTTP credential, so the
 * self-test's reads present this instance's own admin token.
 */
public class PollingSelfTestMonitor implements PollingSelfTestMXBean {

    private final InstanceSelfTest selfTest;
    private final AdminToken token;

    public PollingSelfTestMonitor(InstanceSelfTest selfTest, AdminToken token) {
        this.selfTest = selfTest;
        this.token = token;
    }

    @Override
    public SelfTestReport run() {
        return runOnOwnAddress(Optional.empty());
    }

    @Override
    public SelfTestReport runWithSession(String sessionHash) {
        if (!SessionHash.isWellFormed(sessionHash)) {
            return SelfTestReport.of(String.valueOf(sessionHash), "", "", 0, List.of(new SelfTestCheck(SelfTestCheck.FAIL,
                    "not a session hash (12 characters of A-Z, a-z and 0-9): " + sessionHash, 0)));
        }
        return runOnOwnAddress(Optional.of(new SessionHash(sessionHash)));
    }

    /** The instance calls its own API with the static token; without one (OIDC only) it says how else to run it. */
    private SelfTestReport runOnOwnAddress(Optional<SessionHash> session) {
        return token.authorization().map(authorization -> selfTest.runOnOwnAddress(authorization, session))
                .orElseGet(() -> SelfTestReport.of(session.map(SessionHash::value).orElse(""), "", "", 0, List.of(
                        new SelfTestCheck(SelfTestCheck.FAIL, "no ADMIN_TOKEN is set (only the identity provider's "
                                + "tokens are accepted), so JMX cannot call the API: run POST /api/polling-self-test "
                                + "with an admin's access token, or the command with --token", 0))));
    }
}
