package com.aicontent.api.control;

import com.aicontent.api.entity.Caller;
import com.aicontent.api.entity.InvalidTokenException;
import com.aicontent.api.entity.ProviderMetadata;
import com.aicontent.api.entity.ProblemException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Checks the identity provider's access tokens with Nimbus JOSE+JWT: the signature against the
 * provider's JWKS (cached; an unknown key id fetches the set again, at most every 30 s by default, so a key
 * rotation is followed and a flood of made-up key ids cannot hammer the provider:
 * {@code OIDC_JWKS_MIN_REFETCH_SECONDS}), only asymmetric
 * algorithms ({@code none} and HMAC are refused, so a public key can never serve as a shared
 * secret), and the issuer, audience, expiry and not-before with {@code OIDC_CLOCK_SKEW_SECONDS}
 * of tolerance. A token that passed is remembered (by its SHA-256) until it expires: the same tab
 * presents the same token on every status poll, every 3 seconds, and that hot path then costs a
 * hash and a map look-up instead of a signature check.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
    private static final long JWKS_CACHE_MILLIS = TimeUnit.MINUTES.toMillis(15);
    static final int MAX_REMEMBERED = 20_000;

    @Inject
    OidcSettings settings;

    @Inject
    OidcProvider provider;

    volatile ConfigurableJWTProcessor<SecurityContext> processor;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token that passed every check, and when it expires. */
    private record Verified(Caller caller, long expiresAtMillis) {
    }

    /** The caller the token stands for; 503 while the identity provider has not been discovered. */
    public Caller verify(String token) throws InvalidTokenException {
        String key = digest(token);
        long now = System.currentTimeMillis();
        Verified known = verified.get(key);
        if (known != null && known.expiresAtMillis() > now) {
            return known.caller();
        }
        Verified checked = check(token);
        remember(key, checked, now);
        return checked.caller();
    }

    private Verified check(String token) throws InvalidTokenException {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a JWT");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new InvalidTokenException("the signature could not be checked: " + e.getMessage());
        }
        return new Verified(Caller.user(nameOf(claims), RolesClaim.read(claims.getClaims(), settings.rolesClaim())),
                claims.getExpirationTime().getTime());
    }

    private void remember(String key, Verified checked, long now) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(entry -> entry.expiresAtMillis() <= now);
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(key, checked);
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** {@code preferred_username}, else {@code sub}. */
    static String nameOf(JWTClaimsSet claims) {
        Object preferred = claims.getClaim("preferred_username");
        if (preferred instanceof String name && !name.isBlank()) {
            return name;
        }
        return claims.getSubject();
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() {
        ConfigurableJWTProcessor<SecurityContext> known = processor;
        if (known != null) {
            return known;
        }
        ProviderMetadata metadata = provider.metadata().orElseThrow(() -> new ProblemException(503,
                "Service Unavailable", "The identity provider cannot be reached to check the access token; try again shortly"));
        synchronized (this) {
            if (processor == null) {
                processor = processorFor(metadata, settings.audience(), settings.clockSkewSeconds(),
                        TimeUnit.SECONDS.toMillis(settings.jwksMinRefetchSeconds()));
            }
            return processor;
        }
    }

    static ConfigurableJWTProcessor<SecurityContext> processorFor(ProviderMetadata metadata, String audience,
                                                                 int clockSkewSeconds, long minRefetchMillis) {
        JWKSource<SecurityContext> keys;
        try {
            int timeout = (int) OidcProvider.TIMEOUT.toMillis();
            keys = JWKSourceBuilder.create(metadata.jwksUri().toURL(), new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
                    .cache(JWKS_CACHE_MILLIS, timeout)
                    .rateLimited(minRefetchMillis)
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the provider's jwks_uri is not a URL: " + metadata.jwksUri(), e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // access tokens are typed JWT (Keycloak, Entra ID), at+jwt (RFC 9068, Okta) or not at all
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                new JOSEObjectType("application/at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(metadata.issuer()).build(), Set.of("sub", "exp"), null);
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }
}
