package com.aicontent.monitoring.control;

import com.aicontent.monitoring.entity.SelfTestCheck;
import com.aicontent.monitoring.entity.SelfTestReport;
import com.aicontent.progress.control.ProgressDocuments;
import com.aicontent.progress.control.RedisConnection;
import com.aicontent.progress.entity.SessionHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The polling self-test run inside a running instance (its JMX operation and its API call): the
 * simulated session goes through this instance's progress store, and is read back over HTTP from
 * this instance's own status endpoint, at the address its HTTP requests arrive on.
 */
@ApplicationScoped
public class InstanceSelfTest {

    private static final Logger LOG = Logger.getLogger(InstanceSelfTest.class.getName());
    private static final String REDIS_HINT = "(this instance's REDIS_URL)";

    @Inject
    ProgressDocuments documents;

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "SELF_TEST_URL")
    Optional<String> configuredAddress;

    private volatile URI learnedAddress;

    /** The address of this instance as a request reached it; the first one is kept. */
    public void learn(URI address) {
        if (learnedAddress == null) {
            learnedAddress = address;
        }
    }

    public boolean knowsItsAddress() {
        return learnedAddress != null;
    }

    public boolean exists(SessionHash hash) {
        return sessions().exists(hash);
    }

    /** Reads back through {@code application} with the given {@code Authorization} header. */
    public SelfTestReport run(URI application, String authorization, Optional<SessionHash> session) {
        try (StatusEndpoint endpoint = new StatusEndpoint(application, authorization,
                "the self-test reads this instance's status endpoint at the address the request came in on")) {
            SelfTestReport report = new PollingSelfTest(sessions(), endpoint,
                    "the status endpoint refused the credential of the self-test's own call").run(session, check -> { });
            LOG.info(() -> "AI-PROGRESS [" + report.sessionHash() + "] polling self-test of " + application + ": " + report.summary());
            return report;
        }
    }

    /** For JMX, where no request tells the address: SELF_TEST_URL, else the address requests arrive on. */
    public SelfTestReport runOnOwnAddress(String authorization, Optional<SessionHash> session) {
        Optional<URI> address = configuredAddress.filter(url -> !url.isBlank()).map(URI::create)
                .or(() -> Optional.ofNullable(learnedAddress));
        if (address.isEmpty()) {
            return SelfTestReport.of(session.map(SessionHash::value).orElse(""), "", sessions().redis(), 0, List.of(
                    new SelfTestCheck(SelfTestCheck.FAIL, "this instance has not served an HTTP request yet, so it does not "
                            + "know its own address: set SELF_TEST_URL (e.g. http://127.0.0.1:8080), or open any page of it "
                            + "and run the self-test again", 0)));
        }
        return run(address.get(), authorization, session);
    }

    private SelfTestSessions sessions() {
        return ProgressStoreSessions.of(documents, redis.address(), REDIS_HINT);
    }
}
