package com.aicontent.api.control;

import com.aicontent.api.entity.ProviderMetadata;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The identity provider's metadata, read by discovery from {@code OIDC_ISSUER}. Discovery runs at
 * start-up and, until it has succeeded, again on demand at most every few seconds: an identity
 * provider that is down while the application starts must not keep it from starting, nor be
 * hammered by every request.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long RETRY_NANOS = Duration.ofSeconds(5).toNanos();

    @Inject
    OidcSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private volatile ProviderMetadata metadata;
    private long lastAttempt;
    private boolean attempted;

    void discoverAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings.enabled()) {
            try {
                settings.clientId();
            } catch (IllegalStateException e) {
                LOG.severe(e.getMessage()); // the panel cannot sign in; access tokens are still checked
            }
            metadata();
        }
    }

    /** The metadata, or empty while the provider cannot be reached (or OIDC is off). */
    public Optional<ProviderMetadata> metadata() {
        ProviderMetadata known = metadata;
        if (known != null || !settings.enabled()) {
            return Optional.ofNullable(known);
        }
        synchronized (this) {
            if (metadata == null && (!attempted || System.nanoTime() - lastAttempt > RETRY_NANOS)) {
                attempted = true;
                lastAttempt = System.nanoTime();
                metadata = discover(settings.issuer().orElseThrow()).orElse(null);
            }
            return Optional.ofNullable(metadata);
        }
    }

    private Optional<ProviderMetadata> discover(String issuer) {
        URI uri = URI.create(discoveryUri(issuer));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                LOG.warning(() -> "OIDC discovery at " + uri + " answered HTTP " + answer.statusCode() + "; retrying on demand");
                return Optional.empty();
            }
            ProviderMetadata discovered = ProviderMetadata.of(JSONObjectUtils.parse(answer.body()), issuer);
            LOG.info(() -> "OIDC: accepting access tokens of " + discovered.issuer() + " for the audience "
                    + settings.audience() + ", roles from the claim " + settings.rolesClaim() + ", keys from "
                    + discovered.jwksUri());
            return Optional.of(discovered);
        } catch (IOException | ParseException | IllegalArgumentException e) {
            LOG.warning(() -> "OIDC discovery at " + uri + " failed (" + e.getMessage() + "); retrying on demand");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Where discovery lives for an issuer: {@code <issuer>/.well-known/openid-configuration}. */
    static String discoveryUri(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return base + "/.well-known/openid-configuration";
    }
}
