package com.aicontent.api.boundary;

import com.aicontent.api.entity.Problem;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that cannot be read as the expected JSON is the client's mistake: 400, or 413 when the
 * read stopped because the body grew too large. JAX-RS runtimes wrap both in a ProcessingException.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException web && web.getResponse().getStatus() == 413) {
                return Problem.of(413, "Content Too Large", "The request body is too large", Problem.instanceOf(uri), null).toResponse();
            }
        }
        return Problem.of(400, "Bad Request", "The request body is not valid JSON of the expected shape",
                Problem.instanceOf(uri), null).toResponse();
    }

    /** Where a runtime lets JSON-B's own exception through unwrapped. */
    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonbException e) {
            return Problem.of(400, "Bad Request", "The request body is not valid JSON of the expected shape",
                    Problem.instanceOf(uri), null).toResponse();
        }
    }
}
