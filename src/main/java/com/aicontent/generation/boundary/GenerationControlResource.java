package com.aicontent.generation.boundary;

import com.aicontent.api.boundary.AccessFilter;
import com.aicontent.api.boundary.RoleRequired;
import com.aicontent.api.control.CurrentCaller;
import com.aicontent.api.entity.Caller;
import com.aicontent.api.entity.Problem;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.api.entity.Role;
import com.aicontent.progress.boundary.ProgressResource;
import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.WriteResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cancels and restarts a generation by its session hash, as the contract's endpoints do. An editor
 * may do so only for the generations they started; an admin for any.
 */
@Path("ai-content-progress/{sessionHash}")
@RoleRequired(Role.EDITOR)
@Tag(name = "control", description = "Cancel and restart a generation by its session hash")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationControlResource {

    @Inject
    Generations generations;

    @Inject
    ProgressStore store;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Path("cancel")
    @Operation(summary = "Cancel a generation", description = "Its running tasks stop, on whichever instance runs them, "
            + "and make no further model calls. Cancelling a cancelled generation answers 200 again.")
    @APIResponse(responseCode = "200", description = "Cancelled; the progress document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "RedisUnavailable")
    public Response cancel(@PathParam("sessionHash") String sessionHash) {
        SessionHash hash = ProgressResource.sessionHash(sessionHash);
        Caller by = ownerOrAdmin(hash, "cancel");
        WriteResult result = generations.cancel(hash, by.name());
        return switch (result.outcome()) {
            case APPLIED, UNCHANGED -> document(Response.ok(), result);
            case MISSING -> throw ProgressResource.unknown(hash);
            default -> throw ProblemException.conflict("The generation is " + status(result) + "; only a pending or "
                    + "processing generation can be cancelled");
        };
    }

    @POST
    @Path("restart")
    @Operation(summary = "Restart a failed or cancelled generation", description = "Runs it again from its first "
            + "unfinished part, keeping the work already done.")
    @APIResponse(responseCode = "202", description = "Restarted; the progress document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressDocument.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "RedisUnavailable")
    public Response restart(@PathParam("sessionHash") String sessionHash) {
        SessionHash hash = ProgressResource.sessionHash(sessionHash);
        Caller by = ownerOrAdmin(hash, "restart");
        WriteResult result = generations.restart(hash, by.name());
        return switch (result.outcome()) {
            case APPLIED -> document(Response.accepted(), result);
            case MISSING -> throw ProgressResource.unknown(hash);
            default -> throw ProblemException.conflict("The generation is " + status(result) + "; only a failed or "
                    + "cancelled generation can be restarted");
        };
    }

    /** An admin may act on any generation, an editor only on the ones they started. */
    private Caller ownerOrAdmin(SessionHash hash, String action) {
        Caller current = caller.get();
        if (current.isAdmin()) {
            return current;
        }
        ProgressDocument doc = store.find(hash).orElseThrow(() -> ProgressResource.unknown(hash));
        if (!current.name().equals(doc.startedBy())) {
            Problem forbidden = AccessFilter.forbidden(current, Role.ADMIN, "/" + uri.getPath());
            throw new ProblemException(403, forbidden.title(), "Only its starter or an admin may " + action + " this "
                    + "generation (started by " + (doc.startedBy() == null ? "nobody known" : doc.startedBy()) + "); "
                    + forbidden.detail());
        }
        return current;
    }

    private static String status(WriteResult result) {
        return result.document().status().name();
    }

    private static Response document(Response.ResponseBuilder response, WriteResult result) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.entity(result.document()).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).build();
    }
}
