package com.aicontent.api.boundary;

import com.aicontent.api.control.AdminToken;
import com.aicontent.api.control.CurrentCaller;
import com.aicontent.api.control.OidcProvider;
import com.aicontent.api.control.OidcSettings;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.api.entity.Role;
import com.aicontent.api.entity.SignInOptions;
import com.aicontent.api.entity.SignedInUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** What the panel needs to sign in, and who it is signed in as. */
@Path("auth")
@Tag(name = "auth", description = "Sign-in options and the signed-in user")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** The paths, below /api, that answer without a token: how to sign in. */
    private static final Set<String> PUBLIC_PATHS = Set.of("auth/config");

    /** Jersey gives the path without a leading slash, RESTEasy with one. */
    static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path.startsWith("/") ? path.substring(1) : path);
    }

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    @Inject
    AdminToken adminToken;

    @Inject
    CurrentCaller current;

    @GET
    @Path("config")
    @PublicEndpoint
    @SecurityRequirements
    @Operation(summary = "How to sign in", description = "At the identity provider (Authorization Code with PKCE) "
            + "or with the static admin token. Needs no token.")
    @APIResponse(responseCode = "200", description = "The sign-in options")
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached")
    public SignInOptions config() {
        if (!settings.enabled()) {
            return SignInOptions.adminTokenOnly();
        }
        return provider.metadata()
                .map(metadata -> SignInOptions.oidc(metadata, settings.clientId(), settings.scope(), adminToken.exists()))
                .orElseThrow(() -> new ProblemException(503, "Service Unavailable",
                        "The identity provider cannot be reached; try again shortly"));
    }

    @GET
    @Path("me")
    @RoleRequired(Role.VIEWER)
    @Operation(summary = "The signed-in user", description = "Name (preferred_username, else sub) and roles.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public SignedInUser me() {
        return SignedInUser.of(current.get());
    }
}
