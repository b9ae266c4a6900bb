package com.aicontent.api.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The identity provider the API trusts and the panel signs in with: {@code OIDC_ISSUER} and
 * {@code OIDC_CLIENT_ID} are all it takes; without an issuer, sign-in is by the static admin token.
 */
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "OIDC_ISSUER")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "OIDC_CLIENT_ID")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "OIDC_AUDIENCE")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "OIDC_ROLES_CLAIM", defaultValue = "groups")
    String rolesClaim;

    @Inject
    @ConfigProperty(name = "OIDC_SCOPE", defaultValue = "openid profile")
    String scope;

    @Inject
    @ConfigProperty(name = "OIDC_CLOCK_SKEW_SECONDS", defaultValue = "30")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "OIDC_JWKS_MIN_REFETCH_SECONDS", defaultValue = "30")
    int jwksMinRefetchSeconds;

    /** The shortest time between two fetches of the provider's keys (an unknown key id fetches them). */
    public int jwksMinRefetchSeconds() {
        return jwksMinRefetchSeconds;
    }

    public boolean enabled() {
        return issuer().isPresent();
    }

    public Optional<String> issuer() {
        return issuer.map(String::strip).filter(value -> !value.isEmpty());
    }

    public String clientId() {
        return clientId.map(String::strip).filter(value -> !value.isEmpty()).orElseThrow(
                () -> new IllegalStateException("OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set it to the panel's client id"));
    }

    /** The audience an access token must name: {@code OIDC_AUDIENCE}, else the client id. */
    public String audience() {
        return audience.map(String::strip).filter(value -> !value.isEmpty()).orElseGet(this::clientId);
    }

    public String rolesClaim() {
        return rolesClaim.strip();
    }

    public String scope() {
        return scope.strip();
    }

    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }
}
