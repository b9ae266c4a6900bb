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
 * The bearer token every API call must present: {@code ADMIN_TOKEN}, or, when none is configured,
 * one generated at start-up and logged once so a fresh install is usable and still protected.
 */
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());
    static final String GENERATED_PREFIX = "aicg_";

    @Inject
    @ConfigProperty(name = "ADMIN_TOKEN")
    Optional<String> configured;

    private byte[] expected;

    /** Decides the token at start-up, so a generated one is in the log before the first request. */
    void decideAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        accepts("");
    }

    @PostConstruct
    void init() {
        String token = configured.map(String::strip).filter(t -> !t.isEmpty()).orElseGet(() -> {
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

    /** The header that this instance's own calls to its API present (the self-test run through JMX). */
    public String authorization() {
        return "Bearer " + new String(expected, StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so the answer's timing tells nothing about the token. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
