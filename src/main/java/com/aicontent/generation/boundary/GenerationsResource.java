package com.aicontent.generation.boundary;

import com.aicontent.api.entity.ProblemException;
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

import java.net.URI;
import java.util.List;

/** Starts generations and lists the recent ones. */
@Path("ai-content")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationsResource {

    @Inject
    Generations generations;

    @Inject
    ArticleStore articles;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@Valid @NotNull(message = "send a JSON body with title, language, sections and images")
                          GenerationRequest request) {
        Generations.Started started = generations.start(request);
        String statusUrl = "/api/ai-content-progress/" + started.hash() + "/status";
        return Response.accepted(new StartedGeneration(started.hash().value(), started.aiContentId(), statusUrl))
                .location(URI.create(statusUrl))
                .build();
    }

    @GET
    public List<ArticleListItem> recent(@QueryParam("limit") @DefaultValue("20") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 100) {
            throw ProblemException.badRequest("limit must be a number from 1 to 100");
        }
        return articles.recent(count);
    }
}
