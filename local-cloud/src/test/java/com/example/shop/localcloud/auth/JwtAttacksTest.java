package com.example.shop.localcloud.auth;

import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Denied;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forgeries a JWT authorizer must refuse, each made from a token the trusted issuer really
 * issued: an unsigned token ({@code alg: none}), an HMAC token keyed with the issuer's public RSA
 * key (the algorithm-confusion attack), and a token without a subject (the shop identifies every
 * caller by {@code sub}).
 */
class JwtAttacksTest {

    private static final String ISSUER = "http://localhost:3000/local-idp";
    private static final String AUDIENCE = "shop-local-client";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-12T19:03:58Z"), ZoneOffset.UTC);

    private final LocalIdentityProvider idp = new LocalIdentityProvider(ISSUER, AUDIENCE, CLOCK);
    private final JwtAuthorizer authorizer = JwtAuthorizer.trusting(idp, CLOCK);

    /** The claims of a real admin token, as an attacker who once held one would reuse them. */
    private Map<String, Object> adminClaims() throws Exception {
        String payload = idp.issueAdminToken("admin-1").token().split("\\.")[1];
        return new HashMap<>(new Payload(Base64URL.from(payload).decodeToString()).toJSONObject());
    }

    private static String base64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_real_admin_token_is_authorized_so_the_forgeries_below_differ_from_it_only_in_what_they_forge() {
        assertThat(authorizer.authorize(idp.issueAdminToken("admin-1").bearer())).isInstanceOf(Authorized.class);
    }

    @Test
    void an_unsigned_token_with_alg_none_is_denied_in_every_spelling_with_or_without_a_signature() throws Exception {
        String realToken = idp.issueAdminToken("admin-1").token();
        String payload = realToken.split("\\.")[1];
        String signature = realToken.split("\\.")[2];

        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = base64url("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + idp.keyId() + "\"}");
            for (String token : List.of(header + "." + payload + ".", header + "." + payload + "." + signature,
                    header + "." + payload)) {
                assertThat(authorizer.authorize("Bearer " + token)).as("alg %s: %s", alg, token).isInstanceOf(Denied.class);
            }
        }
    }

    @Test
    void an_hs256_token_keyed_with_the_issuers_public_rsa_key_is_denied() throws Exception {
        RSAKey published = (RSAKey) JWKSet.parse(idp.jwks()).getKeyByKeyId(idp.keyId());
        byte[] der = published.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";

        for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII),
                published.toJSONString().getBytes(StandardCharsets.UTF_8))) {
            for (JWSAlgorithm hmac : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
                var forged = new JWSObject(new JWSHeader.Builder(hmac).keyID(idp.keyId()).build(),
                        new Payload(adminClaims()));
                forged.sign(new MACSigner(secret));

                assertThat(authorizer.authorize("Bearer " + forged.serialize())).as("%s", hmac)
                        .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("RSA"));
            }
        }
    }

    @Test
    void a_validly_signed_token_without_a_subject_is_denied() {
        Map<String, Object> noSubject = new HashMap<>();
        noSubject.put("sub", null);
        noSubject.put("cognito:groups", List.of("admin"));

        assertThat(authorizer.authorize(idp.issue(noSubject, Duration.ofMinutes(5)).bearer()))
                .isEqualTo(new Denied("the token has no subject"));
        assertThat(authorizer.authorize(idp.issue(Map.of("sub", " "), Duration.ofMinutes(5)).bearer()))
                .isEqualTo(new Denied("the token has no subject"));
    }

    @Test
    void an_expired_token_for_another_audience_from_another_issuer_is_denied() {
        Map<String, Object> claims = Map.of("sub", "admin-1", "aud", "another-client",
                "iss", "https://cognito-idp.eu-west-1.amazonaws.com/other");

        assertThat(authorizer.authorize(idp.issue(claims, Duration.ofMinutes(-5)).bearer())).isInstanceOf(Denied.class);
        assertThat(authorizer.authorize(idp.issue(Map.of("sub", "admin-1"), Duration.ofMinutes(-5)).bearer()))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("expired"));
    }
}
