package com.aicontent.progress.boundary;

import com.aicontent.api.entity.ProblemException;
import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.SessionHash;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The status poll, the hot path: many admins, every 3 seconds. One Redis GET, the document passed
 * through as stored, and a 304 when the caller already has this version.
 */
@Path("ai-content-progress/{sessionHash}/status")
public class ProgressResource {

    private static final CacheControl NO_STORE = noStore();

    @Inject
    ProgressStore store;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("sessionHash") String sessionHash,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!SessionHash.isWellFormed(sessionHash)) {
            throw ProblemException.badRequest("A session hash is 12 characters of A-Z, a-z and 0-9");
        }
        SessionHash hash = new SessionHash(sessionHash);
        String document = store.read(hash).orElseThrow(() ->
                ProblemException.notFound("No generation " + hash + " (unknown, or its progress expired)"));
        EntityTag tag = new EntityTag(hash + "-" + version(document));
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).cacheControl(NO_STORE).build();
        }
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(NO_STORE).build();
    }

    /** Reads {@code "version":N} without parsing the document. */
    static String version(String document) {
        int at = document.indexOf("\"version\":");
        if (at < 0) {
            return "0";
        }
        int start = at + "\"version\":".length();
        int end = start;
        while (end < document.length() && Character.isDigit(document.charAt(end))) {
            end++;
        }
        return end > start ? document.substring(start, end) : "0";
    }

    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        String quoted = "\"" + tag.getValue() + "\"";
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals(quoted) || value.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static CacheControl noStore() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        control.setNoTransform(false);
        return control;
    }
}
