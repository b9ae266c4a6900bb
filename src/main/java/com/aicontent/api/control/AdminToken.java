package com.aicontent.api.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The static bearer token that acts as {@code admin}: {@code ADMIN_TOKEN}, or, when none is
 * configured and no identity provider is either ({@code OIDC_ISSUER}), one generated at start-up
 * and logged once so a fresh install is usable and still protected. With an identity provider and
 * no {@code ADMIN_TOKEN}, there is no static token at all.
 */
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());
    static final String GENERATED_PREFIX = "aicg_";

    @Inject
    @ConfigProperty(name = "ADMIN_TOKEN")
    Optional<String> configured;

    @Inject
    OidcSettings oidc;

    /** null: no static token exists. */
    private byte[] expected;

    /** Decides the token at start-up, so a generated one is in the log before the first request. */
    void decideAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        accepts("");
    }

    @PostConstruct
    void init() {
        Optional<String> chosen = configured.map(String::strip).filter(t -> !t.isEmpty());
        if (chosen.isEmpty() && oidc.enabled()) {
            LOG.info("No ADMIN_TOKEN configured: only access tokens of the identity provider are accepted");
            return;
        }
        String token = chosen.orElseGet(() -> {
            String generated = generate();
            // the token alone on its own line: easy to copy, and `grep '^aicg_'` finds that line only
            LOG.warning("No ADMIN_TOKEN is set, so this run accepts the admin token on the next line; it is not logged "
                    + "again, and changes with every start (set ADMIN_TOKEN to choose one):\n" + generated + "\n");
            return generated;
        });
        expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /** 24 random bytes in hex, after a prefix that tells a generated token apart in a log or a paste. */
    static String generate() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return GENERATED_PREFIX + HexFormat.of().formatHex(random);
    }

    /**
     * The header that this instance's own calls to its API present (the self-test run through JMX);
     * empty when no static token exists (only the identity provider's tokens are accepted).
     */
    public Optional<String> authorization() {
        return expected == null ? Optional.empty() : Optional.of("Bearer " + new String(expected, StandardCharsets.UTF_8));
    }

    /** Compares in constant time, so the answer's timing tells nothing about the token. */
    public boolean accepts(String presented) {
        return expected != null && presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a static token exists at all (the panel offers its form only then). */
    public boolean exists() {
        return expected != null;
    }
}
