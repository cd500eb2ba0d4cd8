package com.example.shop.localcloud.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalIdentityProviderTest {

    private static final Instant NOW = Instant.parse("2025-03-12T19:03:58Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final LocalIdentityProvider idp =
            new LocalIdentityProvider("http://localhost:3000/local-idp", "shop-local-client", CLOCK);

    @Test
    void customer_token_is_shaped_like_a_cognito_id_token() throws Exception {
        IssuedToken issued = idp.issueCustomerToken("customer-1", "customer-1@example.com");

        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(idp.keyId()).isNotBlank();
        Map<String, Object> claims = jwt.getPayload().toJSONObject();
        assertThat(claims)
                .containsEntry("sub", "customer-1")
                .containsEntry("cognito:username", "customer-1")
                .containsEntry("email", "customer-1@example.com")
                .containsEntry("email_verified", true)
                .containsEntry("cognito:groups", List.of("customer"))
                .containsEntry("token_use", "id")
                .containsEntry("iss", "http://localhost:3000/local-idp")
                .containsEntry("aud", "shop-local-client")
                .containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("auth_time", NOW.getEpochSecond())
                .containsEntry("exp", NOW.plus(Duration.ofHours(1)).getEpochSecond())
                .containsKey("jti");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(LocalIdentityProvider.DEFAULT_TTL));
        assertThat(issued.bearer()).isEqualTo("Bearer " + issued.token());
    }

    @Test
    void admin_token_is_in_the_admin_group_only() throws Exception {
        Map<String, Object> claims = SignedJWT.parse(idp.issueAdminToken("ops-7").token()).getPayload().toJSONObject();

        assertThat(claims).containsEntry("sub", "ops-7").containsEntry("cognito:groups", List.of("admin"))
                .doesNotContainKey("email");
    }

    @Test
    void ttl_is_configurable_per_provider_and_per_token() {
        var shortLived = new LocalIdentityProvider("iss", "aud", CLOCK, Duration.ofMinutes(5));

        assertThat(shortLived.issueCustomerToken("c", "c@example.com").expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(idp.issue(Map.of("sub", "c"), Duration.ofMinutes(-1)).expiresAt()).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void issue_overlays_and_removes_standard_claims() throws Exception {
        Map<String, Object> overrides = new java.util.HashMap<>();
        overrides.put("aud", "another-client");
        overrides.put("token_use", null);

        Map<String, Object> claims = SignedJWT.parse(idp.issue(overrides, Duration.ofMinutes(1)).token())
                .getPayload().toJSONObject();

        assertThat(claims).containsEntry("aud", "another-client").doesNotContainKey("token_use")
                .containsEntry("iss", "http://localhost:3000/local-idp");
    }

    @Test
    void jwks_publishes_the_public_signing_key_only() throws Exception {
        JWKSet keys = JWKSet.parse(idp.jwks());

        assertThat(keys.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isEqualTo(idp.keyId());
            assertThat(key.isPrivate()).isFalse();
            assertThat(key).isInstanceOf(RSAKey.class);
        });
        assertThat(idp.jwks()).doesNotContain("\"d\"");
    }

    @Test
    void every_provider_has_its_own_key() {
        var other = new LocalIdentityProvider("http://localhost:3000/local-idp", "shop-local-client", CLOCK);

        assertThat(other.keyId()).isNotEqualTo(idp.keyId());
    }

    @Test
    void constructor_refuses_blank_issuer_and_non_positive_ttl() {
        assertThatThrownBy(() -> new LocalIdentityProvider(" ", "aud", CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalIdentityProvider("iss", "aud", CLOCK, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
