package com.aicontent.progress.boundary;

import com.aicontent.api.entity.Problem;
import com.aicontent.progress.entity.RedisUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A Redis outage is the server's trouble, not the client's: 503, so pollers retry. */
@Provider
public class RedisUnavailableMapper implements ExceptionMapper<RedisUnavailableException> {

    private static final Logger LOG = Logger.getLogger(RedisUnavailableMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RedisUnavailableException e) {
        LOG.log(Level.WARNING, "AI-PROGRESS Redis unavailable on {0}: {1}", new Object[]{Problem.instanceOf(uri), e.getMessage()});
        return Response.fromResponse(Problem.of(503, "Service Unavailable",
                        "The progress store (Redis) does not answer; try again shortly", Problem.instanceOf(uri), null).toResponse())
                .header("Retry-After", "3").build();
    }
}
