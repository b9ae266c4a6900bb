package com.aicontent.api.boundary;

import com.aicontent.api.entity.Problem;
import com.aicontent.api.entity.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a problem a resource detected. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
        return Problem.of(e.status(), e.title(), e.getMessage(), Problem.instanceOf(uri), e.errors()).toResponse();
    }
}
