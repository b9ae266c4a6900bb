package com.aicontent.api.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail; {@code errors} names the fields of a rejected body. */
@Schema(name = "Problem", description = "RFC 9457 problem details; errors names the rejected fields of a body")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, instance, errors == null || errors.isEmpty() ? null : errors);
    }

    /** RFC 9457's {@code instance}: the path as the caller sent it, {@code /api/...} included. */
    public static String instanceOf(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
