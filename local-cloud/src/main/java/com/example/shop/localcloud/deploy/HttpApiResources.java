package com.example.shop.localcloud.deploy;

import com.example.shop.localcloud.model.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local HTTP API plays, as the template's HTTP APIs declare it in their inline OpenAPI
 * {@code Body}: the routes with the function each integrates, and the JWT authorizers. Issuer and
 * audience may be output markers (see {@link RuntimeOutputs}).
 *
 * @param routes      every operation that integrates a function of the template
 * @param authorizers every JWT authorizer among the security schemes
 */
record HttpApiResources(List<HttpRoute> routes, List<AuthorizerSpec> authorizers) {

    private static final System.Logger LOG = System.getLogger(HttpApiResources.class.getName());
    private static final Pattern INTEGRATION_FUNCTION =
            Pattern.compile("/functions/\\$\\{([A-Za-z0-9]+)(?:\\.Arn)?}/invocations");
    private static final Map<String, String> HTTP_METHODS = Map.of(
            "get", "GET", "post", "POST", "put", "PUT", "delete", "DELETE", "patch", "PATCH",
            "head", "HEAD", "options", "OPTIONS", "x-amazon-apigateway-any-method", "ANY");

    /** A JWT authorizer from an API body; {@code issuer} and {@code audience} may hold output markers. */
    record AuthorizerSpec(String name, String identitySource, JsonNode issuer, List<JsonNode> audience) {
    }

    HttpApiResources {
        routes = List.copyOf(routes);
        authorizers = List.copyOf(authorizers);
    }

    /** Reads the routes and authorizers of every HTTP API in {@code resources}. */
    static HttpApiResources read(TemplateResources resources, RuntimeOutputs outputs) {
        List<HttpRoute> routes = new ArrayList<>();
        List<AuthorizerSpec> authorizers = new ArrayList<>();
        for (String apiId : resources.idsOfType("AWS::ApiGatewayV2::Api")) {
            JsonNode body = resources.properties(apiId).path("Body");
            if (!body.isObject()) {
                LOG.log(Level.WARNING, "HTTP API {0} has no inline OpenAPI Body: its routes are not played locally",
                        apiId);
                continue;
            }
            JsonNode defaultSecurity = body.path("security");
            body.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                String method = HTTP_METHODS.get(operation.getKey().toLowerCase(Locale.ROOT));
                if (method != null) {
                    route(resources, apiId, method, path.getKey(), operation.getValue(), defaultSecurity)
                            .ifPresent(routes::add);
                }
            }));
            body.path("components").path("securitySchemes").properties().forEach(scheme -> {
                JsonNode authorizer = scheme.getValue().path("x-amazon-apigateway-authorizer");
                if (authorizer.path("type").asText().equals("jwt")) {
                    authorizers.add(jwtAuthorizer(scheme.getKey(), authorizer, outputs));
                } else if (!authorizer.isMissingNode()) {
                    LOG.log(Level.WARNING, "Authorizer {0} of {1} is of type {2}: only JWT authorizers are played"
                            + " locally", scheme.getKey(), apiId, authorizer.path("type").asText());
                }
            });
        }
        return new HttpApiResources(routes, authorizers);
    }

    private static Optional<HttpRoute> route(TemplateResources resources, String apiId, String method,
                                             String path, JsonNode operation, JsonNode defaultSecurity) {
        JsonNode uri = operation.path("x-amazon-apigateway-integration").path("uri");
        JsonNode subArgs = uri.path("Fn::Sub");
        String uriText = subArgs.isArray() ? subArgs.path(0).asText() : subArgs.asText(uri.asText());
        Matcher target = INTEGRATION_FUNCTION.matcher(uriText);
        if (!target.find()) {
            LOG.log(Level.WARNING, "{0} {1} {2} does not integrate a function of the template: not played locally",
                    apiId, method, path);
            return Optional.empty();
        }
        String function = resources.functionOf(Intrinsics.ref(target.group(1)), "route " + method + " " + path);
        JsonNode security = operation.has("security") ? operation.get("security") : defaultSecurity;
        String authorizer = null;
        List<String> scopes = new ArrayList<>();
        if (security.isArray() && !security.isEmpty() && security.get(0).size() > 0) {
            var requirement = security.get(0).properties().iterator().next();
            if (!requirement.getKey().equals("NONE")) {
                authorizer = requirement.getKey();
                requirement.getValue().forEach(scope -> scopes.add(scope.asText()));
            }
        }
        return Optional.of(new HttpRoute(method, path, function, authorizer, scopes));
    }

    private static AuthorizerSpec jwtAuthorizer(String name, JsonNode authorizer, RuntimeOutputs outputs) {
        JsonNode jwt = authorizer.path("jwtConfiguration");
        JsonNode identitySource = authorizer.path("identitySource");
        List<JsonNode> audience = new ArrayList<>();
        JsonNode audiences = jwt.path("audience");
        if (audiences.isArray()) {
            for (int i = 0; i < audiences.size(); i++) {
                audience.add(outputs.defer(audiences.get(i), "LocalAuth" + name + "Audience" + i));
            }
        } else if (!audiences.isMissingNode()) {
            audience.add(outputs.defer(audiences, "LocalAuth" + name + "Audience"));
        }
        return new AuthorizerSpec(name,
                identitySource.isArray() ? identitySource.path(0).asText() : identitySource.asText(null),
                outputs.defer(jwt.path("issuer"), "LocalAuth" + name + "Issuer"),
                audience);
    }
}
