package com.example.shop.localcloud.auth;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiGatewayClaimsTest {

    @Test
    void every_claim_becomes_a_string_arrays_in_brackets_separated_by_spaces() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", "customer-1");
        payload.put("cognito:groups", List.of("admin", "customer"));
        payload.put("exp", 1735689600L);
        payload.put("auth_time", 1735686000.0);
        payload.put("ratio", 0.5);
        payload.put("email_verified", true);
        payload.put("address", Map.of("zip", "1000", "city", "Brussels"));
        payload.put("nothing", null);

        assertThat(ApiGatewayClaims.render(payload))
                .containsEntry("sub", "customer-1")
                .containsEntry("cognito:groups", "[admin customer]")
                .containsEntry("exp", "1735689600")
                .containsEntry("auth_time", "1735686000")
                .containsEntry("ratio", "0.5")
                .containsEntry("email_verified", "true")
                .containsEntry("address", "map[city:Brussels zip:1000]")
                .doesNotContainKey("nothing");
    }

    @Test
    void a_single_group_still_has_brackets() {
        assertThat(ApiGatewayClaims.renderValue(List.of("customer"))).isEqualTo("[customer]");
    }
}
