package com.aicontent.ai.control;

import com.aicontent.ai.control.BoundedBody.AnswerTooLargeException;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.ModelCallFailedException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an image a model server answered with as a URL, or decodes one sent inline. The URL
 * is untrusted ({@link ImageUrlPolicy}): it is checked before the first request and at every
 * redirect, fetched with a client of its own that never carries the API key, and read up to
 * {@code AI_MAX_IMAGE_BYTES}. Base64, inline or as a {@code data:} URL, is held to the same limit
 * before it is decoded.
 */
final class ImageDownloads implements AutoCloseable {

    private static final int EXCERPT_LENGTH = 300;
    private static final int MAX_REDIRECTS = 5;

    private final OpenAiSettings settings;
    private final KeyRedaction redaction;
    private final ImageUrlPolicy policy;
    private final BoundedBody.Limit limit;
    private final HttpClient http;

    ImageDownloads(OpenAiSettings settings, KeyRedaction redaction, ImageUrlPolicy.Resolver resolver) {
        this.settings = settings;
        this.redaction = redaction;
        this.policy = new ImageUrlPolicy(settings.baseUrl(), settings.imageUrlAllowedHosts(), resolver);
        this.limit = new BoundedBody.Limit(settings.maxImageBytes(), "AI_MAX_IMAGE_BYTES");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Bytes that were downloaded or decoded, with the type their source claimed. */
    record Download(byte[] bytes, Optional<String> contentType) {
    }

    /** The most base64 characters an image within the limit takes, padding and line breaks included. */
    long base64Limit() {
        return settings.maxImageBytes() / 3 * 4 + settings.maxImageBytes() / 57 * 2 + 8;
    }

    /** Decodes {@code b64_json}, refusing more than the limit before decoding anything. */
    byte[] decode(String base64, String what) {
        if (base64.length() > base64Limit()) {
            throw new ModelCallFailedException("The %s came as about %d bytes of base64, over the limit of %d bytes (AI_MAX_IMAGE_BYTES)."
                    .formatted(what, base64.length() / 4 * 3, settings.maxImageBytes()));
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException broken) {
            throw new ModelCallFailedException("The %s came back with broken base64.".formatted(what));
        }
        if (bytes.length > settings.maxImageBytes()) {
            throw new ModelCallFailedException("The %s came as %d bytes of base64, over the limit of %d bytes (AI_MAX_IMAGE_BYTES)."
                    .formatted(what, bytes.length, settings.maxImageBytes()));
        }
        return bytes;
    }

    /** Downloads (or decodes) the image at {@code location}, once, without our key. */
    Download download(String location, Cancellation cancellation) {
        if (location.regionMatches(true, 0, "data:", 0, 5)) {
            return decodeDataUrl(location);
        }
        URI uri;
        try {
            uri = settings.baseUrl().resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException notAUrl) {
            throw new ModelCallFailedException("The image URL is not a URL: " + redaction.excerpt(location, 80));
        }
        policy.check(uri);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            cancellation.throwIfCancelled();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.readTimeout())
                    .version(OpenAiEndpoint.versionFor(uri))
                    .header("Accept", "image/*")
                    .GET()
                    .build();
            HttpResponse<byte[]> response = fetch(uri, request, cancellation);
            int status = response.statusCode();
            Optional<String> next = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && next.isPresent()) {
                URI target = resolve(uri, next.get());
                policy.checkRedirect(uri, target);
                uri = target;
                continue;
            }
            if (status / 100 != 2) {
                throw new ModelCallFailedException(redaction.apply("The image at %s answered HTTP %d: %s"
                        .formatted(withoutQuery(uri), status, redaction.excerpt(
                                new String(response.body(), StandardCharsets.UTF_8), EXCERPT_LENGTH))));
            }
            return new Download(response.body(), response.headers().firstValue("Content-Type"));
        }
        throw new ModelCallFailedException("The image at %s redirected more than %d times."
                .formatted(withoutQuery(uri), MAX_REDIRECTS));
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    /** A URL as messages show it: signed storage URLs carry their credentials in the query. */
    static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private HttpResponse<byte[]> fetch(URI uri, HttpRequest request, Cancellation cancellation) {
        HttpResponse.BodyHandler<byte[]> bounded = info -> info.statusCode() / 100 == 2
                ? BoundedBody.whole(info, limit)
                : BoundedBody.head(BoundedBody.ERROR_BODY_LIMIT);
        try {
            return CancellableWait.await(http.sendAsync(request, bounded), cancellation, settings.readTimeout());
        } catch (TimeoutException timedOut) {
            throw new ModelCallFailedException("The image at %s did not arrive within %d ms."
                    .formatted(withoutQuery(uri), settings.readTimeout().toMillis()));
        } catch (ExecutionException failed) {
            Optional<AnswerTooLargeException> tooLarge = AnswerTooLargeException.in(failed);
            if (tooLarge.isPresent()) {
                throw new ModelCallFailedException("The image at %s %s.".formatted(withoutQuery(uri), tooLarge.get().describe()));
            }
            throw new ModelCallFailedException(redaction.apply("The image at %s could not be downloaded: %s."
                    .formatted(withoutQuery(uri), failed.getCause())));
        }
    }

    private URI resolve(URI from, String location) {
        try {
            return from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException notAUrl) {
            throw new ModelCallFailedException("The image at %s redirected to something that is not a URL: %s"
                    .formatted(withoutQuery(from), redaction.excerpt(location, 80)));
        }
    }

    private Download decodeDataUrl(String location) {
        int comma = location.indexOf(',');
        String header = comma < 0 ? "" : location.substring("data:".length(), comma);
        if (comma < 0 || !header.endsWith(";base64")) {
            throw new ModelCallFailedException("The image came as a data: URL that is not base64: "
                    + redaction.excerpt(location, 80));
        }
        byte[] bytes = decode(location.substring(comma + 1), "image (a data: URL)");
        String type = header.substring(0, header.length() - ";base64".length());
        return new Download(bytes, type.isEmpty() ? Optional.empty() : Optional.of(type));
    }
}
