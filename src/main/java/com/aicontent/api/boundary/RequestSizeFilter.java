package com.aicontent.api.boundary;

import com.aicontent.api.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over {@code API_MAX_BODY_BYTES} with 413: at once when Content-Length says so,
 * and while reading when a chunked body grows past the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1)
public class RequestSizeFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "API_MAX_BODY_BYTES", defaultValue = "16384")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            request.abortWith(tooLarge(request));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
        }
    }

    private jakarta.ws.rs.core.Response tooLarge(ContainerRequestContext request) {
        return Problem.of(413, "Content Too Large", "The request body may hold at most " + maxBytes + " bytes",
                Problem.instanceOf(request.getUriInfo()), null).toResponse();
    }

    /** Fails the read once more than {@code max} bytes came in. */
    static final class Limited extends FilterInputStream {

        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new jakarta.ws.rs.WebApplicationException(413);
            }
        }
    }
}
