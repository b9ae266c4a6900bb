package com.aicontent.panel.boundary;

import com.aicontent.api.entity.ProviderMetadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityHeadersFilterTest {

    @Test
    void withAnIdentityProviderThePanelMayConnectToItsTokenEndpointOriginAndNothingElse() {
        ProviderMetadata entra = new ProviderMetadata("https://login.microsoftonline.com/tenant/v2.0",
                URI.create("https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize"),
                URI.create("https://login.microsoftonline.com/tenant/oauth2/v2.0/token"), null,
                URI.create("https://login.microsoftonline.com/tenant/discovery/v2.0/keys"));
        String policy = SecurityHeadersFilter.panelPolicy(Optional.of(entra));
        assertTrue(policy.contains("connect-src 'self' https://login.microsoftonline.com;"), policy);
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertFalse(policy.contains("unsafe"), policy);
    }

    @Test
    void withoutOneOnlyTheServerItself() {
        assertTrue(SecurityHeadersFilter.panelPolicy(Optional.empty()).contains("connect-src 'self';"));
    }
}
