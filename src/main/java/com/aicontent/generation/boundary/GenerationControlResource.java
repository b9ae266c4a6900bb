package com.aicontent.generation.boundary;

import com.aicontent.api.entity.ProblemException;
import com.aicontent.progress.control.ProgressStore;
import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.WriteResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Cancels and restarts a generation by its session hash, as the contract's endpoints do. */
@Path("ai-content-progress/{sessionHash}")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationControlResource {

    @Inject
    Generations generations;

    @Inject
    ProgressStore store;

    @POST
    @Path("cancel")
    public Response cancel(@PathParam("sessionHash") String sessionHash) {
        SessionHash hash = parse(sessionHash);
        WriteResult result = generations.cancel(hash);
        return switch (result.outcome()) {
            case APPLIED, UNCHANGED -> document(Response.ok(), result);
            case MISSING -> throw unknown(hash);
            default -> throw ProblemException.conflict("The generation is " + status(result) + "; only a pending or "
                    + "processing generation can be cancelled");
        };
    }

    @POST
    @Path("restart")
    public Response restart(@PathParam("sessionHash") String sessionHash) {
        SessionHash hash = parse(sessionHash);
        WriteResult result = generations.restart(hash);
        return switch (result.outcome()) {
            case APPLIED -> document(Response.accepted(), result);
            case MISSING -> throw unknown(hash);
            default -> throw ProblemException.conflict("The generation is " + status(result) + "; only a failed or "
                    + "cancelled generation can be restarted");
        };
    }

    static SessionHash parse(String sessionHash) {
        if (!SessionHash.isWellFormed(sessionHash)) {
            throw ProblemException.badRequest("A session hash is 12 characters of A-Z, a-z and 0-9");
        }
        return new SessionHash(sessionHash);
    }

    static ProblemException unknown(SessionHash hash) {
        return ProblemException.notFound("No generation " + hash + " (unknown, or its progress expired)");
    }

    private String status(WriteResult result) {
        return store.parse(result.document()).status();
    }

    private static Response document(Response.ResponseBuilder response, WriteResult result) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.entity(result.document()).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).build();
    }
}
