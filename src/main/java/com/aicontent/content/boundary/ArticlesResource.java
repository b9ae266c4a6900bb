package com.aicontent.content.boundary;

import com.aicontent.api.boundary.RoleRequired;
import com.aicontent.api.entity.ProblemException;
import com.aicontent.api.entity.Role;
import com.aicontent.content.control.ArticleStore;
import com.aicontent.content.entity.ArticleView;
import com.aicontent.content.entity.ImageContent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reads a generated article, also while its generation still runs, and serves its images. */
@Path("ai-content/{id}")
@Tag(name = "articles", description = "Generated articles and their images")
@RoleRequired(Role.VIEWER)
public class ArticlesResource {

    @Inject
    ArticleStore articles;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An article", description = "Also while its generation runs: the parts written so far.")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ArticleView article(@PathParam("id") String id) {
        long articleId = parseId(id);
        return articles.view(articleId).orElseThrow(() -> ProblemException.notFound("No article " + articleId));
    }

    @GET
    @Path("images/{index}")
    @Operation(summary = "One image of an article", description = "The bytes with their content type "
            + "(image/svg+xml from the demo model). Needs the bearer token like every call.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response image(@PathParam("id") String id, @PathParam("index") String index) {
        long articleId = parseId(id);
        int position;
        try {
            position = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("An image index is a number from 0");
        }
        ImageContent image = articles.image(articleId, position)
                .orElseThrow(() -> ProblemException.notFound("No image " + position + " in article " + articleId));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(86400);
        return Response.ok(image.bytes(), image.contentType())
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                // an SVG opened directly must not run script
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .build();
    }

    private static long parseId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badRequest("An ai_content_id is a positive number");
    }
}
