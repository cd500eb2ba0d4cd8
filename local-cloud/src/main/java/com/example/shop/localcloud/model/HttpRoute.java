package com.example.shop.localcloud.model;

import java.util.List;
import java.util.Objects;

/**
 * One route of the HTTP API, e.g. {@code POST /orders/{id}/cancel}.
 *
 * @param method            HTTP method in upper case, or {@code ANY}
 * @param path              path template with {@code {name}} parameters
 * @param functionLogicalId the integration's function
 * @param authorizer        name of the JWT authorizer guarding the route, or {@code null} for a
 *                          public route
 * @param authorizationScopes scopes the token must carry one of ({@code AuthorizationScopes} in the
 *                          template); empty when the route asks for none
 */
public record HttpRoute(String method, String path, String functionLogicalId, String authorizer,
                        List<String> authorizationScopes) {

    public HttpRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(functionLogicalId, "functionLogicalId");
        method = method.toUpperCase(java.util.Locale.ROOT);
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
    }

    /** A route that asks for no authorization scopes. */
    public HttpRoute(String method, String path, String functionLogicalId, String authorizer) {
        this(method, path, functionLogicalId, authorizer, List.of());
    }

    /** The route key as API Gateway writes it into the event, e.g. {@code POST /orders}. */
    public String routeKey() {
        return method + " " + path;
    }
}
