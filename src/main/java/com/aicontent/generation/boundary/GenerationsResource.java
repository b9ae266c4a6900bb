package com.aicontent.generation.boundary;

import com.aicontent.api.boundary.RoleRequired;
import com.aicontent.api.control.CurrentCaller;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.api.entity.Role;
import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleListItem;
import com.aicontent.generation.entity.GenerationRequest;
import com.aicontent.generation.entity.StartedGeneration;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Starts generations and lists the recent ones. */
@Path("ai-content")
@Tag(name = "generations", description = "Start generations and list the recent ones")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationsResource {

    @Inject
    Generations generations;

    @Inject
    ArticleStore articles;

    @Inject
    CurrentCaller caller;

    @POST
    @RoleRequired(Role.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a generation", description = "Keeps the article, publishes its progress document "
            + "in Redis and runs the generation in the background; poll status_url for its progress.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = GenerationRequest.class)))
    @APIResponse(responseCode = "202", description = "Accepted; the Location header is the status URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StartedGeneration.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "RedisUnavailable")
    public Response start(@Valid @NotNull(message = "send a JSON body with title, language, sections and images")
                          GenerationRequest request) {
        Generations.Started started = generations.start(request, caller.get().name());
        String statusUrl = "/api/ai-content-progress/" + started.hash() + "/status";
        return Response.accepted(new StartedGeneration(started.hash().value(), started.aiContentId(), statusUrl))
                .location(URI.create(statusUrl))
                .build();
    }

    @GET
    @RoleRequired(Role.VIEWER)
    @Operation(summary = "The recent generations, newest first", description = "From the database, not from Redis; "
            + "mine=true lists only those the caller started.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ArticleListItem.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<ArticleListItem> recent(@Parameter(description = "how many, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
                                        @QueryParam("limit") @DefaultValue("20") String limit,
                                        @Parameter(description = "true: only the generations the caller started")
                                        @QueryParam("mine") @DefaultValue("false") boolean mine) {
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 100) {
            throw ProblemException.badRequest("limit must be a number from 1 to 100");
        }
        return mine ? articles.recentBy(caller.get().name(), count) : articles.recent(count);
    }
}
