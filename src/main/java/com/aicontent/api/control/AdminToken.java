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
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            LOG.warning("No ADMIN_TOKEN configured; this run accepts the generated admin token " + generated
                    + " (set ADMIN_TOKEN to choose one; it is not logged again)");
            return generated;
        });
        expected = token.getBytes(StandardCharsets.UTF_8);
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
