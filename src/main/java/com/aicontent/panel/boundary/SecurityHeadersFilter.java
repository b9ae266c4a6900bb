package com.aicontent.panel.boundary;

import com.aicontent.api.control.OidcProvider;
import com.aicontent.api.entity.ProviderMetadata;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Optional;

/**
 * The admin panel shows text written by a language model and by users; the page inserts it as
 * text, and this filter makes the browser refuse anything that slips through anyway: no inline or
 * foreign script, no plugins, no framing, images only from the WAR, blob: (the article images,
 * fetched with the bearer header) and data:, and connections only to the WAR and, when the panel
 * signs in at an identity provider, that provider's token endpoint origin. API answers get a short
 * policy that allows nothing (JSON needs nothing; the status poll's 304 stays small).
 * Which policy applies is decided on the path the container normalised and decoded (servlet path
 * and path info), the one it serves: {@code /api/..;/index.html} or {@code /%61pi/} cannot pass a
 * panel file off as an API answer. With {@code HSTS_MAX_AGE} set (behind TLS) every answer also
 * carries {@code Strict-Transport-Security}. The panel's own files are revalidated on every load so
 * a redeploy is picked up at once; the API sets its own caching.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Inject
    OidcProvider provider;

    @Inject
    @ConfigProperty(name = "HSTS_MAX_AGE")
    Optional<Long> hstsMaxAge;

    static String panelPolicy(Optional<ProviderMetadata> identityProvider) {
        String connect = identityProvider.map(p -> "connect-src 'self' " + p.tokenEndpointOrigin()).orElse("connect-src 'self'");
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' blob: data:",
                "font-src 'self'",
                connect,
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        hstsMaxAge.filter(age -> age > 0)
                .ifPresent(age -> response.setHeader("Strict-Transport-Security", "max-age=" + age + "; includeSubDomains"));
        if (isApi(request)) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        } else {
            response.setHeader("Content-Security-Policy", panelPolicy(provider.metadata()));
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }

    /** On the normalised, decoded path the container serves, never on the raw request URI. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/api/") || path.equals("/api");
    }
}
