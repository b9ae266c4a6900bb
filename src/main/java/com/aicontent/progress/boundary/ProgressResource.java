package com.aicontent.progress.boundary;

import com.aicontent.api.boundary.RoleRequired;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.api.entity.Role;
import com.aicontent.progress.control.ProgressDocuments;
import com.aicontent.progress.entity.ProgressDocument;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The status poll, the hot path: many admins, every 3 seconds. One Redis GET, the document passed
 * through as stored, and a 304 when the caller already has this version.
 */
@Path("ai-content-progress/{sessionHash}/status")
@Tag(name = "progress", description = "The progress of a generation, polled by the browser")
@RoleRequired(Role.VIEWER)
public class ProgressResource {

    private static final CacheControl NO_STORE = noStore();

    @Inject
    ProgressDocuments documents;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The progress of a generation", description = "The progress document straight from Redis; "
            + "the browser polls it every 3 seconds. Send the ETag back in If-None-Match to get 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "The progress document, with Cache-Control: no-store and an ETag "
            + "that changes with the document's version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressDocument.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "RedisUnavailable")
    public Response status(@PathParam("sessionHash") String sessionHash,
                           @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SessionHash hash = sessionHash(sessionHash);
        String document = documents.read(hash).orElseThrow(() -> unknown(hash));
        EntityTag tag = new EntityTag(hash + "-" + version(document));
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).cacheControl(NO_STORE).build();
        }
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(NO_STORE).build();
    }

    /** A path's session hash; a malformed one is refused before it can get near a Redis key. */
    public static SessionHash sessionHash(String candidate) {
        if (!SessionHash.isWellFormed(candidate)) {
            throw ProblemException.badRequest("A session hash is 12 characters of A-Z, a-z and 0-9");
        }
        return new SessionHash(candidate);
    }

    public static ProblemException unknown(SessionHash hash) {
        return ProblemException.notFound("No generation " + hash + " (unknown, or its progress expired)");
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
