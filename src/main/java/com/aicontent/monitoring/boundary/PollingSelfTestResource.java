package com.aicontent.monitoring.boundary;

import com.aicontent.api.boundary.RoleRequired;
import com.aicontent.api.entity.Role;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.monitoring.control.InstanceSelfTest;
import com.aicontent.monitoring.control.SelfTestStopped;
import com.aicontent.monitoring.entity.SelfTestReport;
import com.aicontent.progress.entity.SessionHash;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/**
 * The polling self-test as an API call on a running instance: the simulated session is read back
 * from this instance, at the address this request came in on, with this request's own credential.
 */
@Path("polling-self-test")
@RoleRequired(Role.ADMIN)
@Tag(name = "monitoring", description = "Checks an operator runs against a running instance")
public class PollingSelfTestResource {

    @Inject
    InstanceSelfTest selfTest;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the polling self-test", description = "Writes a simulated session into Redis through the "
            + "progress store, walks it through all seven steps, reads it back through the status endpoint after each, "
            + "and removes it. Answers 200 with the report whether the checks passed or not (see passed); a Redis that "
            + "does not answer is a failed check that says so.")
    @APIResponse(responseCode = "200", description = "The report: every check with PASS or FAIL and its time",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelfTestReport.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SelfTestReport run(@Parameter(description = "a session hash of your choosing that does not exist yet; "
                                      + "a new random one when left out") @QueryParam("session") String session,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<SessionHash> hash = Optional.ofNullable(session).filter(value -> !value.isBlank()).map(value -> {
            if (!SessionHash.isWellFormed(value)) {
                throw ProblemException.badRequest("session must be 12 characters of A-Z, a-z and 0-9, or left out");
            }
            return new SessionHash(value);
        });
        if (hash.isPresent() && exists(hash.get())) {
            throw ProblemException.conflict("Session " + hash.get() + " exists already; the self-test only writes sessions "
                    + "of its own (leave session out for a new random one)");
        }
        return selfTest.run(OwnAddressListener.addressOf(request), authorization, hash);
    }

    /** False too when Redis does not answer: the report then says so, in words. */
    private boolean exists(SessionHash hash) {
        try {
            return selfTest.exists(hash);
        } catch (SelfTestStopped redisDown) {
            return false;
        }
    }
}
