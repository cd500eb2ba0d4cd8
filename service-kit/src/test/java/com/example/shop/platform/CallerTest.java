package com.example.shop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Who is calling, read from the claims the HTTP API's JWT authorizer passes on (all strings). */
class CallerTest {

    @Test
    void a_verified_email_is_the_callers_address() {
        Caller caller = Caller.of(requestWith(claims("true"))).orElseThrow();

        assertThat(caller).isEqualTo(new Caller("c-1", "erika@example.com", Set.of("customer")));
    }

    @Test
    void an_email_the_identity_provider_has_not_verified_is_not_trusted() {
        assertThat(Caller.of(requestWith(claims("false")))).get().extracting(Caller::email).isNull();
    }

    @Test
    void an_email_without_a_verification_claim_is_not_trusted() {
        Map<String, String> claims = claims("true");
        claims.remove("email_verified");

        assertThat(Caller.of(requestWith(claims))).get().extracting(Caller::email).isNull();
    }

    @Test
    void a_token_without_a_subject_names_no_caller() {
        Map<String, String> claims = claims("true");
        claims.remove("sub");

        assertThat(Caller.of(requestWith(claims))).isEmpty();
    }

    private static Map<String, String> claims(String emailVerified) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", "c-1");
        claims.put("email", "erika@example.com");
        claims.put("email_verified", emailVerified);
        claims.put("cognito:groups", "[customer]");
        return claims;
    }

    private static APIGatewayV2HTTPEvent requestWith(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder().withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                        .build())
                .build()).build();
    }
}
