package com.example.shop.localcloud.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.platform.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The e-mail address the handlers trust, end to end through the local identity provider and the
 * JWT authorizer: a customer token carries {@code email_verified}, as Cognito's does once the
 * address is confirmed, so orders placed locally get their mails; a token whose address was never
 * verified gives the handlers no address at all.
 */
class VerifiedEmailTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    private final LocalIdentityProvider idp = new LocalIdentityProvider("http://localhost/local-idp", "shop", CLOCK);
    private final JwtAuthorizer authorizer = JwtAuthorizer.trusting(idp, CLOCK);

    @Test
    void a_customer_token_of_the_local_provider_gives_the_handlers_a_verified_address() {
        Caller caller = callerOf(idp.issueCustomerToken("customer-1", "erika@example.com").bearer());

        assertThat(caller.email()).isEqualTo("erika@example.com");
    }

    @Test
    void a_token_whose_address_was_never_verified_gives_the_handlers_none() {
        String bearer = idp.issue(Map.of("sub", "customer-1", "email", "someone-else@example.com",
                "email_verified", false, "cognito:groups", java.util.List.of("customer")), Duration.ofHours(1)).bearer();

        Caller caller = callerOf(bearer);

        assertThat(caller.subject()).isEqualTo("customer-1");
        assertThat(caller.email()).isNull();
    }

    private Caller callerOf(String bearer) {
        Map<String, String> claims = ((Authorized) authorizer.authorize(bearer)).claims();
        return Caller.of(APIGatewayV2HTTPEvent.builder().withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                        .build())
                .build()).build()).orElseThrow();
    }
}
