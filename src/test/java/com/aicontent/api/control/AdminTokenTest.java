package com.aicontent.api.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTokenTest {

    static AdminToken token(String configured, String issuer) {
        AdminToken token = new AdminToken();
        token.configured = Optional.ofNullable(configured);
        token.oidc = new OidcSettings();
        token.oidc.issuer = Optional.ofNullable(issuer);
        token.init();
        return token;
    }

    @Test
    void withAnIdentityProviderAndNoAdminTokenNoStaticTokenExists() {
        AdminToken token = token(null, "https://idp.example.org/realms/ai");
        assertFalse(token.exists());
        assertFalse(token.accepts(""));
        assertFalse(token.accepts("anything"));
    }

    @Test
    void aConfiguredTokenIsAcceptedWithOrWithoutAnIdentityProvider() {
        assertTrue(token("s3cret", "https://idp.example.org/realms/ai").accepts("s3cret"));
        assertTrue(token("s3cret", null).accepts("s3cret"));
        assertFalse(token("s3cret", null).accepts("s3cre"));
    }

    @Test
    void withNeitherAGeneratedTokenExistsSoAFreshInstallIsProtectedAndUsable() {
        AdminToken token = token(null, null);
        assertTrue(token.exists());
        assertFalse(token.accepts(""));
    }
}
