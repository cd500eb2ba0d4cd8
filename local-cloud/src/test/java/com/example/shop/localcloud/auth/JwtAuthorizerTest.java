package com.example.shop.localcloud.auth;

import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Denied;
import com.example.shop.localcloud.model.JwtAuthorizerDef;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtAuthorizerTest {

    private static final String ISSUER = "http://localhost:3000/local-idp";
    private static final String AUDIENCE = "shop-local-client";
    private static final Instant NOW = Instant.parse("2025-03-12T19:03:58Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final LocalIdentityProvider idp = new LocalIdentityProvider(ISSUER, AUDIENCE, CLOCK);
    private final JwtAuthorizer authorizer = JwtAuthorizer.trusting(idp, CLOCK);

    @Test
    void valid_customer_token_is_authorized_with_claims_as_api_gateway_renders_them() {
        String header = idp.issueCustomerToken("customer-1", "customer-1@example.com").bearer();

        AuthorizationOutcome outcome = authorizer.authorize(header);

        assertThat(outcome).isInstanceOfSatisfying(Authorized.class, authorized -> {
            assertThat(authorized.claims())
                    .containsEntry("sub", "customer-1")
                    .containsEntry("email", "customer-1@example.com")
                    .containsEntry("email_verified", "true")
                    .containsEntry("cognito:groups", "[customer]")
                    .containsEntry("token_use", "id")
                    .containsEntry("iss", ISSUER)
                    .containsEntry("aud", AUDIENCE)
                    .containsEntry("exp", String.valueOf(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
            assertThat(authorized.scopes()).isEmpty();
        });
    }

    @Test
    void several_groups_render_as_one_bracketed_string() {
        String token = idp.issueIdToken("ops-7", null, List.of("admin", "customer"), Duration.ofMinutes(5)).token();

        assertThat(authorizer.authorize("Bearer " + token)).isInstanceOfSatisfying(Authorized.class,
                authorized -> assertThat(authorized.claims()).containsEntry("cognito:groups", "[admin customer]"));
    }

    @Test
    void token_without_bearer_prefix_is_accepted_as_the_identity_source_may_hold_just_the_token() {
        String token = idp.issueAdminToken("ops-7").token();

        assertThat(authorizer.authorize(token)).isInstanceOf(Authorized.class);
        assertThat(authorizer.authorize("bearer " + token)).isInstanceOf(Authorized.class);
    }

    @Test
    void missing_or_empty_header_is_denied() {
        assertThat(authorizer.authorize(null)).isInstanceOf(Denied.class);
        assertThat(authorizer.authorize("  ")).isInstanceOf(Denied.class);
        assertThat(authorizer.authorize("Bearer ")).isInstanceOf(Denied.class);
    }

    @Test
    void something_that_is_not_a_jwt_is_denied() {
        assertThat(authorizer.authorize("Bearer not.a.jwt")).isInstanceOf(Denied.class);
    }

    @Test
    void token_from_another_identity_provider_is_denied() {
        var stranger = new LocalIdentityProvider(ISSUER, AUDIENCE, CLOCK);

        assertThat(authorizer.authorize(stranger.issueCustomerToken("customer-1", "c@example.com").bearer()))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("kid"));
    }

    @Test
    void token_naming_the_trusted_key_but_signed_by_another_is_denied() throws Exception {
        Map<String, Object> claims = SignedJWT.parse(idp.issueCustomerToken("customer-1", "c@example.com").token())
                .getPayload().toJSONObject();
        var foreignKey = new RSAKeyGenerator(2048).generate();
        var forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.keyId()).build(),
                new Payload(claims));
        forged.sign(new RSASSASigner(foreignKey));

        assertThat(authorizer.authorize("Bearer " + forged.serialize()))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("signature"));
    }

    @Test
    void token_with_a_tampered_payload_is_denied() throws Exception {
        String[] parts = idp.issueCustomerToken("customer-1", "c@example.com").token().split("\\.");
        Map<String, Object> claims = new HashMap<>(new Payload(Base64URL.from(parts[1])
                .decodeToString()).toJSONObject());
        claims.put("cognito:groups", List.of("admin"));
        String tampered = parts[0] + "." + new Payload(claims).toBase64URL() + "." + parts[2];

        assertThat(authorizer.authorize("Bearer " + tampered)).isInstanceOf(Denied.class);
    }

    @Test
    void hmac_signed_token_is_denied_because_only_rsa_is_supported() throws Exception {
        var hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(idp.keyId()).build(),
                new Payload(Map.of("iss", ISSUER, "aud", AUDIENCE, "exp", NOW.getEpochSecond() + 60)));
        hmac.sign(new MACSigner(new byte[32]));

        assertThat(authorizer.authorize("Bearer " + hmac.serialize()))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("RSA"));
    }

    @Test
    void wrong_issuer_is_denied() {
        String token = idp.issue(Map.of("sub", "c", "iss", "https://cognito-idp.eu-west-1.amazonaws.com/other"),
                Duration.ofMinutes(5)).token();

        assertThat(authorizer.authorize(token))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("issuer"));
    }

    @Test
    void wrong_audience_is_denied_with_api_gateways_wording() {
        String token = idp.issue(Map.of("sub", "c", "aud", "another-client"), Duration.ofMinutes(5)).token();

        assertThat(authorizer.authorize(token)).isEqualTo(new Denied("the token does not have a valid audience"));
    }

    @Test
    void audience_as_an_array_is_accepted_when_one_entry_matches() {
        String token = idp.issue(Map.of("sub", "c", "aud", List.of("another-client", AUDIENCE)),
                Duration.ofMinutes(5)).token();

        assertThat(authorizer.authorize(token)).isInstanceOf(Authorized.class);
    }

    @Test
    void client_id_counts_only_when_there_is_no_aud() {
        Map<String, Object> accessTokenStyle = new HashMap<>();
        accessTokenStyle.put("aud", null);
        accessTokenStyle.put("client_id", AUDIENCE);
        accessTokenStyle.put("sub", "c");
        Map<String, Object> audWins = Map.of("sub", "c", "aud", "another-client", "client_id", AUDIENCE);

        assertThat(authorizer.authorize(idp.issue(accessTokenStyle, Duration.ofMinutes(5)).token()))
                .isInstanceOf(Authorized.class);
        assertThat(authorizer.authorize(idp.issue(audWins, Duration.ofMinutes(5)).token()))
                .isInstanceOf(Denied.class);
    }

    @Test
    void expired_token_is_denied_including_at_the_exact_second_of_expiry() {
        IssuedToken token = idp.issueCustomerToken("customer-1", "c@example.com");
        var atExpiry = new JwtAuthorizer(ISSUER, List.of(AUDIENCE), idp.jwks(),
                Clock.fixed(token.expiresAt(), ZoneOffset.UTC));
        var secondBefore = new JwtAuthorizer(ISSUER, List.of(AUDIENCE), idp.jwks(),
                Clock.fixed(token.expiresAt().minusSeconds(1), ZoneOffset.UTC));

        assertThat(authorizer.authorize(idp.issue(Map.of("sub", "c"), Duration.ofMinutes(-1)).bearer()))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("expired"));
        assertThat(atExpiry.authorize(token.bearer())).isInstanceOf(Denied.class);
        assertThat(secondBefore.authorize(token.bearer())).isInstanceOf(Authorized.class);
    }

    @Test
    void token_without_expiry_is_denied() {
        Map<String, Object> noExp = new HashMap<>();
        noExp.put("exp", null);

        assertThat(authorizer.authorize(idp.issue(noExp, Duration.ofMinutes(5)).token())).isInstanceOf(Denied.class);
    }

    @Test
    void not_yet_valid_or_issued_in_the_future_is_denied() {
        long later = NOW.getEpochSecond() + 60;

        assertThat(authorizer.authorize(idp.issue(Map.of("nbf", later), Duration.ofMinutes(5)).token()))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("not valid yet"));
        assertThat(authorizer.authorize(idp.issue(Map.of("iat", later), Duration.ofMinutes(5)).token()))
                .isInstanceOfSatisfying(Denied.class, denied -> assertThat(denied.reason()).contains("future"));
    }

    @Test
    void scopes_come_from_the_space_separated_scope_claim() {
        String token = idp.issue(Map.of("sub", "c", "scope", "orders/read orders/write"), Duration.ofMinutes(5)).token();

        assertThat(authorizer.authorize(token)).isInstanceOfSatisfying(Authorized.class,
                authorized -> assertThat(authorized.scopes()).containsExactly("orders/read", "orders/write"));
    }

    @Test
    void from_a_template_definition_the_token_is_read_from_its_identity_source_header() {
        var definition = new JwtAuthorizerDef("CognitoJwt", "$request.header.X-Id-Token", ISSUER, List.of(AUDIENCE));

        JwtAuthorizer fromTemplate = JwtAuthorizer.forDefinition(definition, idp.jwks(), CLOCK);

        assertThat(fromTemplate.identityHeader()).isEqualTo("x-id-token");
        assertThat(authorizer.identityHeader()).isEqualTo("authorization");
        assertThat(fromTemplate.authorize(idp.issueAdminToken("ops-7").token())).isInstanceOf(Authorized.class);
    }

    @Test
    void an_identity_source_other_than_a_header_is_refused() {
        var definition = new JwtAuthorizerDef("Q", "$request.querystring.token", ISSUER, List.of(AUDIENCE));

        assertThatThrownBy(() -> JwtAuthorizer.forDefinition(definition, idp.jwks(), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
