package com.aicontent.api.boundary;

import com.aicontent.api.control.CurrentCaller;
import com.aicontent.api.entity.Caller;
import com.aicontent.api.entity.Problem;
import com.aicontent.api.entity.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;

/**
 * The one place roles are enforced: every resource method needs the role its {@link RoleRequired}
 * names (on the method, else on its class, else admin), unless it is a {@link PublicEndpoint}.
 * Nobody signed in: 401 with {@code WWW-Authenticate}; the role missing: 403 naming it.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || method.isAnnotationPresent(PublicEndpoint.class) || type.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        Role needed = needed(method, type);
        Caller caller = current.get();
        String path = "/" + request.getUriInfo().getPath();
        if (!caller.signedIn()) {
            request.abortWith(Response.fromResponse(Problem.of(401, "Unauthorized",
                            "Sign in: send an access token or the admin token as Authorization: Bearer <token>", path, null)
                    .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, AuthenticationFilter.CHALLENGE).build());
        } else if (!caller.has(needed)) {
            request.abortWith(forbidden(caller, needed, path).toResponse());
        }
    }

    static Role needed(Method method, Class<?> type) {
        RoleRequired required = method.getAnnotation(RoleRequired.class);
        if (required == null) {
            required = type.getAnnotation(RoleRequired.class);
        }
        return required == null ? Role.ADMIN : required.value();
    }

    public static Problem forbidden(Caller caller, Role needed, String path) {
        String has = caller.highest().map(role -> "you have " + role.wireName()).orElse("you have none of viewer, editor, admin");
        return Problem.of(403, "Forbidden", "This needs the role " + needed.wireName() + "; " + has, path, null);
    }
}
