package com.aicontent.api.boundary;

import com.aicontent.api.control.AccessTokenVerifier;
import com.aicontent.api.control.AdminToken;
import com.aicontent.api.control.ClientAddress;
import com.aicontent.api.control.CurrentCaller;
import com.aicontent.api.control.FailedSignIns;
import com.aicontent.api.control.OidcSettings;
import com.aicontent.api.entity.Caller;
import com.aicontent.api.entity.InvalidTokenException;
import com.aicontent.api.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/**
 * Finds out who calls: the bearer token is the static admin token, or an access token of the
 * identity provider, or it is refused with 401 (429 once the client has failed too often). A
 * request without a token goes on anonymous; {@link AccessFilter} decides whether that will do.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());
    private static final String SCHEME = "Bearer ";
    static final String CHALLENGE = "Bearer realm=\"ai-content\"";

    @Inject
    AdminToken adminToken;

    @Inject
    OidcSettings oidc;

    @Inject
    AccessTokenVerifier accessTokens;

    @Inject
    CurrentCaller current;

    @Inject
    FailedSignIns failures;

    @Inject
    ClientAddress clients;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if ("OPTIONS".equals(request.getMethod())) {
            return;
        }
        if (header == null) {
            // before routing, so an anonymous caller learns nothing of which paths or methods exist
            if (!AuthResource.isPublic(request.getUriInfo().getPath())) {
                request.abortWith(AccessFilter.signInFirst(Problem.instanceOf(request.getUriInfo())));
            }
            return;
        }
        String client = clients.of(servletRequest.getRemoteAddr(), servletRequest.getHeader("X-Forwarded-For"));
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            refuse(request, client, "Send the token as Authorization: Bearer <token>", "not a bearer token");
            return;
        }
        String token = header.substring(SCHEME.length()).strip();
        long blocked = failures.blockedSeconds(client);
        if (blocked == 0 && adminToken.accepts(token)) {
            current.set(Caller.adminToken());
            return;
        }
        if (!oidc.enabled()) {
            refuse(request, client, "The admin token is not valid", "wrong admin token");
            return;
        }
        try {
            current.set(accessTokens.verify(token));
        } catch (InvalidTokenException e) {
            refuse(request, client, "The access token is not valid: " + e.getMessage(), e.getMessage());
        }
    }

    private void refuse(ContainerRequestContext request, String client, String detail, String reason) {
        long delay = failures.failed(client);
        String path = Problem.instanceOf(request.getUriInfo());
        if (delay < 0 || (delay > 0 && !failures.holdBack(delay))) {
            long retryAfter = Math.max(1, failures.blockedSeconds(client));
            request.abortWith(Response.fromResponse(Problem.of(429, "Too Many Requests",
                            "Too many refused tokens from this client; try again in " + retryAfter + " s", path, null).toResponse())
                    .header(HttpHeaders.RETRY_AFTER, retryAfter).build());
            return;
        }
        LOG.info(() -> "Refused a token from " + client + " on " + path + ": " + reason);
        request.abortWith(Response.fromResponse(Problem.of(401, "Unauthorized", detail, path, null).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"").build());
    }
}
