package com.aicontent.api.boundary;

import com.aicontent.api.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (unknown path, wrong method, unreadable JSON, unsupported
 * media type) the same problem+json shape as ours.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request body is not valid JSON of the expected shape";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource answers application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        Response problem = Problem.of(status, title, detail, Problem.instanceOf(uri), null).toResponse();
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return problem;
    }
}
