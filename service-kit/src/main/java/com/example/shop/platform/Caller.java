package com.example.shop.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the HTTP API's JWT authorizer established it: the token's subject, email
 * and groups. Identity always comes from here, never from a request body.
 *
 * <p>The email is trusted only when the token says the identity provider verified it
 * ({@code email_verified} is {@code true}): order mails go to it, so an address nobody proved to
 * own must never stand in for the customer's. An unverified one reads as no email at all.
 *
 * @param subject the token's {@code sub}: the customer id
 * @param email   the token's verified {@code email}, or {@code null}
 * @param groups  the token's {@code cognito:groups}
 */
public record Caller(String subject, String email, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    /** The caller of an authorized request; empty when the route carried no verified token. */
    public static Optional<Caller> of(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        if (claims == null || claims.get("sub") == null) {
            return Optional.empty();
        }
        // API Gateway passes every claim as a string: the boolean arrives as "true"
        String email = "true".equals(claims.get("email_verified")) ? claims.get("email") : null;
        return Optional.of(new Caller(claims.get("sub"), email, groups(claims.get("cognito:groups"))));
    }

    /** Whether the caller belongs to the {@code admin} group. */
    public boolean isAdmin() {
        return groups.contains("admin");
    }

    /** API Gateway renders an array claim as {@code [a b]}; a single value arrives bare. */
    private static Set<String> groups(String claim) {
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
