package com.aicontent.api.entity;

import java.net.URI;
import java.util.Map;

/** What discovery ({@code /.well-known/openid-configuration}) told about the identity provider. */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI endSessionEndpoint,
                               URI jwksUri) {

    /** Reads the discovery document; the issuer must be the one configured, as OpenID Connect Discovery requires. */
    public static ProviderMetadata of(Map<String, Object> document, String configuredIssuer) {
        String issuer = text(document, "issuer", true);
        if (!withoutTrailingSlash(issuer).equals(withoutTrailingSlash(configuredIssuer))) {
            throw new IllegalArgumentException("the discovery document names the issuer " + issuer
                    + ", not the configured OIDC_ISSUER " + configuredIssuer);
        }
        String endSession = text(document, "end_session_endpoint", false);
        return new ProviderMetadata(issuer, URI.create(text(document, "authorization_endpoint", true)),
                URI.create(text(document, "token_endpoint", true)), endSession == null ? null : URI.create(endSession),
                URI.create(text(document, "jwks_uri", true)));
    }

    /** The origin of the token endpoint: the one the browser calls (CSP connect-src). */
    public String tokenEndpointOrigin() {
        return origin(tokenEndpoint);
    }

    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String withoutTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String text(Map<String, Object> document, String name, boolean required) {
        Object value = document.get(name);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        if (required) {
            throw new IllegalArgumentException("the discovery document has no " + name);
        }
        return null;
    }
}
