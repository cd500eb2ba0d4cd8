package com.example.shop.localcloud.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the JWT authorizer decided about one request: let it through with the token's claims, or
 * turn it away with a reason.
 */
public sealed interface AuthorizationOutcome {

    /**
     * The token was verified; the route's integration may run.
     *
     * @param claims every claim of the token as API Gateway puts it in
     *               {@code requestContext.authorizer.jwt.claims}: all values are strings, arrays
     *               are rendered like {@code [admin customer]}
     * @param scopes the token's OAuth scopes ({@code scope} or {@code scp}); empty for an ID token
     */
    record Authorized(Map<String, String> claims, List<String> scopes) implements AuthorizationOutcome {

        public Authorized {
            claims = Map.copyOf(claims);
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * The request carries no acceptable token; API Gateway answers 401 without invoking anything.
     *
     * @param reason why, in the words of a {@code www-authenticate} error description
     */
    record Denied(String reason) implements AuthorizationOutcome {

        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
