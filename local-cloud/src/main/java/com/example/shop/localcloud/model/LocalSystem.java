package com.example.shop.localcloud.model;

import java.util.List;
import java.util.Map;

/**
 * The deployed system as the local runtime needs it: functions and their triggers with resolved
 * names, plus every resource's physical id and every stack output for tests and tooling.
 *
 * @param functions    functions by logical id
 * @param sqsSources   SQS-triggered mappings
 * @param streamSources DynamoDB stream mappings
 * @param httpRoutes   HTTP API routes
 * @param authorizers  the HTTP API's JWT authorizers by name, as routes refer to them
 * @param resources    physical id (name, URL or ARN as CloudFormation's {@code Ref} gives it) by
 *                     logical id, for every resource created on the emulator
 * @param outputs      the stack's outputs by name, including the template's own
 */
public record LocalSystem(
        Map<String, FunctionDef> functions,
        List<SqsSource> sqsSources,
        List<StreamSource> streamSources,
        List<HttpRoute> httpRoutes,
        Map<String, JwtAuthorizerDef> authorizers,
        Map<String, String> resources,
        Map<String, String> outputs) {

    public LocalSystem {
        functions = Map.copyOf(functions);
        sqsSources = List.copyOf(sqsSources);
        streamSources = List.copyOf(streamSources);
        httpRoutes = List.copyOf(httpRoutes);
        authorizers = Map.copyOf(authorizers);
        resources = Map.copyOf(resources);
        outputs = Map.copyOf(outputs);
    }

    /** A system whose HTTP API has no JWT authorizers. */
    public LocalSystem(Map<String, FunctionDef> functions, List<SqsSource> sqsSources,
                       List<StreamSource> streamSources, List<HttpRoute> httpRoutes,
                       Map<String, String> resources, Map<String, String> outputs) {
        this(functions, sqsSources, streamSources, httpRoutes, Map.of(), resources, outputs);
    }

    /** The physical id of a resource, failing clearly when the template has no such resource. */
    public String resource(String logicalId) {
        String id = resources.get(logicalId);
        if (id == null) {
            throw new IllegalArgumentException("No resource " + logicalId + " in the deployed stack; known: "
                    + resources.keySet());
        }
        return id;
    }
}
