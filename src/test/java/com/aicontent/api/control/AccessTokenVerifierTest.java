package com.aicontent.api.control;

import com.aicontent.api.entity.Caller;
import com.aicontent.api.entity.InvalidTokenException;
import com.aicontent.api.entity.ProviderMetadata;
import com.aicontent.api.entity.Role;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token checks against a JWKS served over real HTTP in the test JVM, with keys made here: what
 * passes, what each kind of forgery gets, and how key rotation and a flood of unknown key ids are
 * handled. The same checks run against the real Keycloak in the integration tests.
 */
class AccessTokenVerifierTest {

    static final String ISSUER = "https://idp.example.org/realms/ai";
    static final String AUDIENCE = "ai-content-panel";

    HttpServer jwksServer;
    final AtomicReference<JWKSet> published = new AtomicReference<>();
    final AtomicInteger fetches = new AtomicInteger();
    RSAKey key;
    AccessTokenVerifier verifier;

    @BeforeEach
    void publishKeysAndBuildTheVerifier() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("key-1").generate();
        published.set(new JWKSet(key.toPublicJWK()));
        jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksServer.start();
        URI jwks = URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks");
        ProviderMetadata metadata = new ProviderMetadata(ISSUER, URI.create(ISSUER + "/auth"), URI.create(ISSUER + "/token"), null, jwks);
        verifier = new AccessTokenVerifier();
        verifier.settings = settings("realm_access.roles");
        verifier.processor = AccessTokenVerifier.processorFor(metadata, AUDIENCE, 5, 60_000);
    }

    @AfterEach
    void stop() {
        jwksServer.stop(0);
    }

    static OidcSettings settings(String rolesClaim) {
        OidcSettings settings = new OidcSettings();
        settings.issuer = Optional.of(ISSUER);
        settings.clientId = Optional.of(AUDIENCE);
        settings.audience = Optional.empty();
        settings.rolesClaim = rolesClaim;
        return settings;
    }

    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE, "account")).subject("f3a1-user-id")
                .claim("preferred_username", "eddie").claim("realm_access", Map.of("roles", List.of("editor", "offline_access")))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    String signed(JWTClaimsSet claims, RSAKey with) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    void refused(String token, String why) {
        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertTrue(refused.getMessage().toLowerCase().contains(why.toLowerCase()), refused.getMessage());
    }

    @Test
    void aValidTokenNamesItsUserAndRolesFromADottedClaimPath() throws Exception {
        Caller caller = verifier.verify(signed(claims().build(), key));
        assertEquals("eddie", caller.name());
        assertEquals(Set.of(Role.EDITOR), caller.roles());
    }

    @Test
    void withoutPreferredUsernameTheSubjectIsTheName() throws Exception {
        assertEquals("f3a1-user-id", verifier.verify(signed(claims().claim("preferred_username", null).build(), key)).name());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refused(new PlainJWT(new PlainHeader(), claims().build()).serialize(), "unsecured");
    }

    @Test
    void anHmacTokenSignedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims().build());
        jwt.sign(new MACSigner(key.toPublicKey().getEncoded()));
        refused(jwt.serialize(), "algorithm");
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = signed(claims().build(), key).split("\\.");
        String admin = Base64URL.encode(claims().claim("realm_access", Map.of("roles", List.of("admin"))).build().toString()).toString();
        refused(parts[0] + "." + admin + "." + parts[2], "signature");
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKeyIdIsRefused() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("key-1").generate();
        refused(signed(claims().build(), forger), "signature");
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() throws Exception {
        refused(signed(claims().issuer("https://evil.example.org/realms/ai").build(), key), "iss");
        refused(signed(claims().audience("another-app").build(), key), "aud");
    }

    @Test
    void anExpiredTokenIsRefusedOutsideTheClockSkewAndAcceptedWithinIt() throws Exception {
        Instant now = Instant.now();
        refused(signed(claims().expirationTime(Date.from(now.minusSeconds(30))).build(), key), "expired");
        verifier.verify(signed(claims().expirationTime(Date.from(now.minusSeconds(2))).build(), key));
        refused(signed(claims().notBeforeTime(Date.from(now.plusSeconds(60))).build(), key), "before");
        refused(signed(claims().expirationTime(null).build(), key), "exp");
    }

    @Test
    void aRotatedKeyIsFetchedOnceAndAFloodOfUnknownKeyIdsDoesNotFetchAgain() throws Exception {
        verifier.verify(signed(claims().build(), key));
        assertEquals(1, fetches.get());
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("key-2").generate();
        published.set(new JWKSet(List.of(rotated.toPublicJWK(), key.toPublicJWK())));
        // the rate limit counts from the first fetch: a rotation right after it waits for the interval
        verifier.processor = AccessTokenVerifier.processorFor(new ProviderMetadata(ISSUER, URI.create(ISSUER + "/auth"),
                URI.create(ISSUER + "/token"), null, URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks")),
                AUDIENCE, 5, 60_000);
        fetches.set(0);
        assertEquals("eddie", verifier.verify(signed(claims().build(), rotated)).name());
        assertEquals(1, fetches.get(), "the new key id fetched the set once");
        for (int i = 0; i < 20; i++) {
            RSAKey madeUp = new RSAKeyGenerator(2048).keyID("made-up-" + i).generate();
            refused(signed(claims().build(), madeUp), "");
        }
        assertTrue(fetches.get() <= 2, "made-up key ids fetched the set " + fetches.get() + " times");
    }

    @Test
    void aTokenThatPassedIsRememberedUntilItExpiresAndAnExpiredOneIsCheckedAgain() throws Exception {
        String token = signed(claims().expirationTime(Date.from(Instant.now().plusMillis(1500))).build(), key);
        verifier.verify(token);
        jwksServer.stop(0); // the keys cannot be fetched again: a remembered token needs no check
        assertEquals("eddie", verifier.verify(token).name());
        Thread.sleep(1600 + 5000); // past exp and the 5 s skew
        refused(token, "expired");
    }

    @Test
    void garbageIsRefused() {
        refused("not-a-jwt", "not a JWT");
        refused("a.b.c", "");
    }
}
