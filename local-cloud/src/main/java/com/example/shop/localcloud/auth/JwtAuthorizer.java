package com.example.shop.localcloud.auth;

import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Denied;
import com.example.shop.localcloud.model.JwtAuthorizerDef;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The local cloud's JWT authorizer: it decides, as the HTTP API's JWT authorizer does for a route
 * that names one, whether a request's bearer token lets it reach the integration.
 *
 * <p>The checks follow API Gateway's documented workflow, in its order: take the token from the
 * identity source header, {@code Authorization} unless configured otherwise (with or without
 * {@code Bearer }), decode it, require an RSA
 * signature made by the key whose {@code kid} the token names in the issuer's key set, then
 * require {@code iss} to equal the configured issuer, {@code aud} to be one of the configured
 * audiences ({@code client_id} is consulted only when there is no {@code aud}), {@code sub} to be
 * present (stricter than API Gateway, which leaves that to the integration: the shop identifies
 * every caller by it), {@code exp} to be in the future and {@code nbf} and {@code iat}, when
 * present, not to be. An unsigned ({@code alg: none}) or HMAC-signed token never gets past the RSA
 * check, so the issuer's public key cannot be used as an HMAC secret. A token failing any
 * check is {@link Denied}; one passing all is {@link Authorized} with its claims rendered as
 * API Gateway renders them.
 *
 * <p>A route's required scopes are the API's business, not the authorizer's: {@link Authorized}
 * reports the token's scopes and the caller compares them with the route's.
 */
public final class JwtAuthorizer {

    private static final String DEFAULT_IDENTITY_HEADER = "authorization";
    private static final String HEADER_SOURCE_PREFIX = "$request.header.";

    private final String identityHeader;
    private final String issuer;
    private final Set<String> audiences;
    private final Map<String, JWSVerifier> verifiersByKeyId;
    private final Clock clock;

    /**
     * An authorizer configured like an HTTP API JWT authorizer.
     *
     * @param issuer    the only accepted {@code iss}, e.g. a user pool's
     *                  {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}
     * @param audiences the accepted {@code aud} (or {@code client_id}) values, usually app client ids
     * @param jwksJson  the issuer's JSON Web Key Set, as served at its {@code jwks_uri}; only its
     *                  RSA keys can verify a token
     * @param clock     the authorizer's notion of now for {@code exp}, {@code nbf} and {@code iat}
     */
    public JwtAuthorizer(String issuer, Collection<String> audiences, String jwksJson, Clock clock) {
        this(DEFAULT_IDENTITY_HEADER, issuer, audiences, jwksJson, clock);
    }

    private JwtAuthorizer(String identityHeader, String issuer, Collection<String> audiences, String jwksJson,
                          Clock clock) {
        this.identityHeader = identityHeader;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audiences = Set.copyOf(audiences);
        if (this.audiences.isEmpty()) {
            throw new IllegalArgumentException("A JWT authorizer needs at least one audience");
        }
        this.verifiersByKeyId = rsaVerifiers(Objects.requireNonNull(jwksJson, "jwksJson"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The authorizer a template defines, trusting the keys of {@code jwksJson}.
     *
     * @throws IllegalArgumentException when the identity source is not a request header, the only
     *                                  kind the local API reads
     */
    public static JwtAuthorizer forDefinition(JwtAuthorizerDef definition, String jwksJson, Clock clock) {
        String source = definition.identitySource().strip();
        if (!source.startsWith(HEADER_SOURCE_PREFIX) || source.length() == HEADER_SOURCE_PREFIX.length()) {
            throw new IllegalArgumentException("Authorizer " + definition.name()
                    + ": only a request header can be the identity source locally, not " + source);
        }
        String header = source.substring(HEADER_SOURCE_PREFIX.length()).toLowerCase(Locale.ROOT);
        return new JwtAuthorizer(header, definition.issuer(), definition.audience(), jwksJson, clock);
    }

    /** An authorizer that accepts exactly the tokens {@code identityProvider} issues, while they are valid. */
    public static JwtAuthorizer trusting(LocalIdentityProvider identityProvider, Clock clock) {
        return new JwtAuthorizer(identityProvider.issuer(), List.of(identityProvider.audience()),
                identityProvider.jwks(), clock);
    }

    /** The lower-case name of the header that carries the token, {@code authorization} by default. */
    public String identityHeader() {
        return identityHeader;
    }

    /**
     * Decides on one request.
     *
     * @param authorizationHeader the value of the request's {@link #identityHeader()}, or
     *                            {@code null} when it has none
     */
    public AuthorizationOutcome authorize(String authorizationHeader) {
        String token = tokenFrom(authorizationHeader);
        if (token == null) {
            return new Denied("the request has no token in its " + identityHeader + " header");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return new Denied("the token is not a valid JWT");
        }

        if (!JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm())) {
            return new Denied("the token is not signed with an RSA algorithm");
        }
        JWSVerifier verifier = jwt.getHeader().getKeyID() == null
                ? null : verifiersByKeyId.get(jwt.getHeader().getKeyID());
        if (verifier == null) {
            return new Denied("the token's kid does not match a key of the issuer");
        }
        if (!hasValidSignature(jwt, verifier)) {
            return new Denied("the token's signature is invalid");
        }

        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Denied("the token's claims are malformed");
        }
        if (!issuer.equals(claims.getIssuer())) {
            return new Denied("the token does not have a valid issuer");
        }
        if (!hasValidAudience(claims)) {
            // API Gateway's own wording for this failure.
            return new Denied("the token does not have a valid audience");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null) {
            return new Denied("the token has no expiration time");
        }
        if (!claims.getExpirationTime().toInstant().isAfter(now)) {
            return new Denied("the token has expired");
        }
        if (isAfter(claims.getNotBeforeTime(), now)) {
            return new Denied("the token is not valid yet");
        }
        if (isAfter(claims.getIssueTime(), now)) {
            return new Denied("the token was issued in the future");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            // Beyond API Gateway: every route of the shop identifies its caller by sub.
            return new Denied("the token has no subject");
        }
        return new Authorized(ApiGatewayClaims.render(jwt.getPayload().toJSONObject()), scopes(claims));
    }

    private static String tokenFrom(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) {
            value = value.substring("Bearer ".length()).strip();
        }
        return value.isEmpty() ? null : value;
    }

    private static boolean hasValidSignature(SignedJWT jwt, JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private boolean hasValidAudience(JWTClaimsSet claims) {
        List<String> aud = claims.getAudience();
        if (!aud.isEmpty()) {
            return aud.stream().anyMatch(audiences::contains);
        }
        return claims.getClaim("client_id") instanceof String clientId && audiences.contains(clientId);
    }

    private static boolean isAfter(Date time, Instant now) {
        return time != null && time.toInstant().isAfter(now);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scopes = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
        return switch (scopes) {
            case String spaceSeparated -> Arrays.stream(spaceSeparated.trim().split("\\s+"))
                    .filter(scope -> !scope.isEmpty())
                    .toList();
            case List<?> list -> list.stream().map(String::valueOf).toList();
            case null, default -> List.of();
        };
    }

    private static Map<String, JWSVerifier> rsaVerifiers(String jwksJson) {
        JWKSet keys;
        try {
            keys = JWKSet.parse(jwksJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a JSON Web Key Set: " + e.getMessage(), e);
        }
        Map<String, JWSVerifier> verifiers = new HashMap<>();
        for (JWK key : keys.getKeys()) {
            if (key instanceof RSAKey rsaKey && key.getKeyID() != null) {
                try {
                    verifiers.put(key.getKeyID(), new RSASSAVerifier(rsaKey.toRSAPublicKey()));
                } catch (JOSEException e) {
                    throw new IllegalArgumentException("Unusable RSA key " + key.getKeyID() + " in the key set", e);
                }
            }
        }
        if (verifiers.isEmpty()) {
            throw new IllegalArgumentException("The key set holds no RSA key with a kid");
        }
        return Map.copyOf(verifiers);
    }
}
