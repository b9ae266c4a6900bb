package com.aicontent.content.boundary;

import com.aicontent.api.entity.ProblemException;
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

/** Reads a generated article, also while its generation still runs, and serves its images. */
@Path("ai-content/{id}")
public class ArticlesResource {

    @Inject
    ArticleStore articles;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ArticleView article(@PathParam("id") String id) {
        long articleId = parseId(id);
        return articles.view(articleId).orElseThrow(() -> ProblemException.notFound("No article " + articleId));
    }

    @GET
    @Path("images/{index}")
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
