package com.aicontent;

import com.aicontent.api.entity.Problem;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Serves every resource of the API under {@code /api}; the admin panel owns the rest of the WAR. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "ai-content-generator", version = "1.0",
                description = "Writes long-form articles with an LLM in background jobs and reports their progress "
                        + "through Redis. Every /api call needs Authorization: Bearer <token>: an access token of the identity "
                        + "provider (OIDC_ISSUER) whose roles claim holds viewer, editor or admin, or the static "
                        + "ADMIN_TOKEN (admin). Every error is an RFC 9457 problem (application/problem+json)."),
        security = @SecurityRequirement(name = "bearer"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT",
                        description = "An access token of the identity provider, or the server's ADMIN_TOKEN"),
                responses = {
                        @APIResponse(name = "BadRequest", responseCode = "400",
                                description = "Malformed input; for a body, errors names each rejected field",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Unauthorized", responseCode = "401",
                                description = "No or a wrong bearer token (with WWW-Authenticate: Bearer)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Forbidden", responseCode = "403",
                                description = "Signed in, but without the role this needs (the detail names it)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "TooManyRequests", responseCode = "429",
                                description = "Too many refused tokens from this client, or GENERATION_MAX_PER_USER "
                                        + "generations running already (Retry-After when waiting helps)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "NotFound", responseCode = "404",
                                description = "Unknown, or (for a session) its progress expired",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "Conflict", responseCode = "409",
                                description = "The generation's status does not allow this",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "ContentTooLarge", responseCode = "413",
                                description = "The body is larger than API_MAX_BODY_BYTES",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = "RedisUnavailable", responseCode = "503",
                                description = "The progress store (Redis) does not answer",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
                }))
public class JAXRSConfiguration extends Application {
}
