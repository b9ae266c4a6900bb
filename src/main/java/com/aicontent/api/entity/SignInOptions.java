package com.aicontent.api.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the panel signs in: at the identity provider (Authorization Code with PKCE, as the public
 * client {@code client_id}), with the static admin token, or both. The endpoints come from the
 * server's discovery, so the browser only ever talks to the provider's token endpoint.
 */
@Schema(name = "SignInOptions")
public record SignInOptions(
        @Schema(description = "oidc or admin-token") String mode,
        @Schema(name = "admin_token", description = "whether a static admin token exists") @JsonbProperty("admin_token") boolean adminToken,
        String issuer,
        @Schema(name = "client_id") @JsonbProperty("client_id") String clientId,
        String scope,
        @Schema(name = "authorization_endpoint") @JsonbProperty("authorization_endpoint") String authorizationEndpoint,
        @Schema(name = "token_endpoint") @JsonbProperty("token_endpoint") String tokenEndpoint,
        @Schema(name = "end_session_endpoint") @JsonbProperty("end_session_endpoint") String endSessionEndpoint) {

    public static SignInOptions adminTokenOnly() {
        return new SignInOptions("admin-token", true, null, null, null, null, null, null);
    }

    public static SignInOptions oidc(ProviderMetadata provider, String clientId, String scope, boolean adminToken) {
        return new SignInOptions("oidc", adminToken, provider.issuer(), clientId, scope,
                provider.authorizationEndpoint().toString(), provider.tokenEndpoint().toString(),
                provider.endSessionEndpoint() == null ? null : provider.endSessionEndpoint().toString());
    }
}
