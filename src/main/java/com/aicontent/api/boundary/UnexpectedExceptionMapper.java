package com.aicontent.api.boundary;

import com.aicontent.api.entity.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers anything unforeseen with a 500 that reveals nothing internal; the log keeps the stack
 * trace under an id the answer gives, so an operator can find it.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + id + " on " + Problem.instanceOf(uri), e);
        return Problem.of(500, "Internal Server Error", "Unexpected error; the server log has it under " + id,
                Problem.instanceOf(uri), null).toResponse();
    }
}
