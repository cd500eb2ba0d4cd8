package com.example.shop.localcloud.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The local cloud's stand-in for the Cognito user pool: it signs development tokens shaped like
 * Cognito ID tokens, so the same handlers that read {@code sub}, {@code email} and
 * {@code cognito:groups} in AWS read them here.
 *
 * <p>The RS256 key pair lives only in memory and is new on every start, so a token from an earlier
 * run is rejected like a token from a foreign user pool. The public half is published as a JWKS,
 * the document the HTTP API authorizer fetches from a user pool's {@code jwks_uri}.
 *
 * <p>Tokens carry the claims of a Cognito ID token: {@code sub}, {@code cognito:username},
 * {@code email}, {@code email_verified}, {@code cognito:groups}, {@code token_use} ({@code id}),
 * {@code auth_time}, {@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}, with the
 * signing key's {@code kid} in the header. They are for development only: anyone who can reach
 * the local API can mint one.
 */
public final class LocalIdentityProvider {

    /** How long a token lives unless a caller says otherwise; Cognito's default ID token validity. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    /** The user pool group of shoppers. */
    public static final String CUSTOMER_GROUP = "customer";

    /** The user pool group of back-office staff. */
    public static final String ADMIN_GROUP = "admin";

    private static final int KEY_SIZE_BITS = 2048;

    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final Duration ttl;
    private final RSAKey signingKey;
    private final JWSSigner signer;

    /**
     * A provider whose tokens live {@link #DEFAULT_TTL}.
     *
     * @param issuer   the {@code iss} of every token, e.g. {@code http://localhost:3000/local-idp}
     * @param audience the {@code aud} of every token: the app client id the API's authorizer accepts
     * @param clock    the source of {@code iat}, {@code auth_time} and {@code exp}
     */
    public LocalIdentityProvider(String issuer, String audience, Clock clock) {
        this(issuer, audience, clock, DEFAULT_TTL);
    }

    /**
     * A provider whose tokens live {@code ttl}.
     *
     * @param issuer   the {@code iss} of every token
     * @param audience the {@code aud} of every token
     * @param clock    the source of {@code iat}, {@code auth_time} and {@code exp}
     * @param ttl      the lifetime of the tokens issued without an explicit one; must be positive
     */
    public LocalIdentityProvider(String issuer, String audience, Clock clock, Duration ttl) {
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.signingKey = generateKey();
        try {
            this.signer = new RSASSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the generated RSA key", e);
        }
    }

    /** A token for a shopper: {@code cognito:groups} is {@code ["customer"]}. */
    public IssuedToken issueCustomerToken(String customerId, String email) {
        return issueIdToken(customerId, requireText(email, "email"), List.of(CUSTOMER_GROUP), ttl);
    }

    /** A token for back-office staff: {@code cognito:groups} is {@code ["admin"]}, no email. */
    public IssuedToken issueAdminToken(String adminId) {
        return issueIdToken(adminId, null, List.of(ADMIN_GROUP), ttl);
    }

    /**
     * An ID token for any user.
     *
     * @param subject the {@code sub} and {@code cognito:username}
     * @param email   the {@code email} (then {@code email_verified} is {@code true}), or {@code null}
     *                for a user without one
     * @param groups  the {@code cognito:groups}; left out when empty, as Cognito does
     * @param ttl     the token's lifetime; a negative one yields a token that has already expired
     */
    public IssuedToken issueIdToken(String subject, String email, List<String> groups, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", requireText(subject, "subject"));
        claims.put("cognito:username", subject);
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", true);
        }
        if (!groups.isEmpty()) {
            claims.put("cognito:groups", List.copyOf(groups));
        }
        return issue(claims, ttl);
    }

    /**
     * A token with the provider's standard claims ({@code iss}, {@code aud}, {@code token_use},
     * {@code auth_time}, {@code iat}, {@code exp}, {@code jti}) overlaid with {@code claims}. This
     * is the door for tests that need a token the authorizer must refuse: another audience or
     * issuer, a future {@code nbf}, a negative {@code ttl}.
     *
     * @param claims claims to add or replace; a {@code null} value removes a standard claim
     * @param ttl    the lifetime from now; negative for a token that has already expired
     */
    public IssuedToken issue(Map<String, ?> claims, Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", audience);
        payload.put("token_use", "id");
        payload.put("auth_time", now.getEpochSecond());
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", expiresAt.getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        claims.forEach((name, value) -> {
            if (value == null) {
                payload.remove(name);
            } else {
                payload.put(name, value);
            }
        });
        return new IssuedToken(sign(payload), expiresAt);
    }

    /** The public signing key as a JSON Web Key Set, the document a user pool serves at {@code jwks_uri}. */
    public String jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toString(true);
    }

    /** The {@code iss} of every token. */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} of every token. */
    public String audience() {
        return audience;
    }

    /** The {@code kid} in every token's header, matching the key in {@link #jwks()}. */
    public String keyId() {
        return signingKey.getKeyID();
    }

    private String sign(Map<String, Object> payload) {
        // Cognito's header carries only kid and alg; no typ.
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
        return jws.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(KEY_SIZE_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the local identity provider's RSA key", e);
        }
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
