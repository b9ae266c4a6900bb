package com.aicontent.api.boundary;

import com.aicontent.api.control.AdminToken;
import com.aicontent.api.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Lets only callers with the admin token in {@code Authorization: Bearer} reach the API. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    AdminToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
        if (!bearer || !token.accepts(header.substring(SCHEME.length()).strip())) {
            String detail = header == null ? "Send the admin token as Authorization: Bearer <token>"
                    : "The admin token is not valid";
            Response problem = Problem.of(401, "Unauthorized", detail, Problem.instanceOf(request.getUriInfo()), null).toResponse();
            request.abortWith(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ai-content\"").build());
        }
    }
}
