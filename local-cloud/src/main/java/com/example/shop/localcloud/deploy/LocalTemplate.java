package com.example.shop.localcloud.deploy;

import com.example.shop.localcloud.deploy.Intrinsics.Reference;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.model.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A translated (plain CloudFormation) template split into what the emulator creates and what the
 * local cloud plays itself.
 *
 * <p>The local runtime plays Lambda, the HTTP API and the identity provider, so their resources
 * are stripped from the stack, together with the function roles and anything else that only makes
 * sense next to them (an alarm on a function's errors, a rule's Lambda target). What the runtime
 * needs of them is read out first: functions, event source mappings, routes, authorizers. Every
 * intrinsic value among those (an environment variable {@code !Ref Table}, a mapping's
 * {@code !GetAtt Queue.Arn}) becomes an extra stack output, so the emulator's own CloudFormation
 * resolves it exactly as AWS would; the value waits as an output marker until the stack exists.
 *
 * <p>The resources the emulator's CloudFormation silently skips (SNS subscriptions, queue
 * policies) leave the stack too, and are applied afterwards with the SDK from their properties.
 *
 * <p>Pure: no I/O, so the splitting is tested on a captured translation.
 */
final class LocalTemplate {

    /** Resource type prefixes of what the local runtime plays instead of the emulator. */
    static final List<String> PLAYED_TYPE_PREFIXES =
            List.of("AWS::Lambda::", "AWS::ApiGatewayV2::", "AWS::CodeDeploy::", "AWS::Cognito::");
    /** Types the emulator's CloudFormation accepts but never creates: applied with the SDK instead. */
    static final Set<String> APPLIED_WITH_SDK = Set.of("AWS::SNS::Subscription", "AWS::SQS::QueuePolicy",
            "AWS::SES::EmailIdentity");
    /** Marks a value the emulator resolves: {@code {"LocalCloud::Output": "<output name>"}}. */
    static final String OUTPUT_MARKER = "LocalCloud::Output";

    private static final System.Logger LOG = System.getLogger(LocalTemplate.class.getName());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INTEGRATION_FUNCTION =
            Pattern.compile("/functions/\\$\\{([A-Za-z0-9]+)(?:\\.Arn)?}/invocations");
    private static final Map<String, String> HTTP_METHODS = Map.of(
            "get", "GET", "post", "POST", "put", "PUT", "delete", "DELETE", "patch", "PATCH",
            "head", "HEAD", "options", "OPTIONS", "x-amazon-apigateway-any-method", "ANY");

    /** A function as the template declares it; environment values may be output markers. */
    record FunctionSpec(String logicalId, String handlerClass, String handlerMethod,
                        Map<String, JsonNode> environment, int timeoutSeconds, int memoryMb) {
    }

    /** An SQS event source mapping; {@code queueArn} may be an output marker. */
    record SqsMappingSpec(String logicalId, String functionLogicalId, JsonNode queueArn, int batchSize,
                          boolean reportBatchItemFailures, int maximumConcurrency) {
    }

    /** A DynamoDB stream mapping; {@code streamArn} and {@code onFailureArn} may be output markers. */
    record StreamMappingSpec(String logicalId, String functionLogicalId, JsonNode streamArn, int batchSize,
                             String startingPosition, boolean bisectBatchOnError, int maximumRetryAttempts,
                             JsonNode onFailureArn, boolean reportBatchItemFailures) {
    }

    /** A JWT authorizer from an API body; {@code issuer} and {@code audience} may hold output markers. */
    record AuthorizerSpec(String name, String identitySource, JsonNode issuer, List<JsonNode> audience) {
    }

    /** A resource applied with the SDK after the stack exists; its properties may hold output markers. */
    record SdkResource(String logicalId, String type, JsonNode properties) {
    }

    /** A table setting the emulator's CloudFormation ignores (point-in-time recovery, TTL). */
    record TableSettings(String logicalId, boolean pointInTimeRecovery, String ttlAttribute) {
    }

    private final ObjectNode stack;
    private final Map<String, String> strippedTypes;
    private final List<FunctionSpec> functions;
    private final List<SqsMappingSpec> sqsMappings;
    private final List<StreamMappingSpec> streamMappings;
    private final List<HttpRoute> routes;
    private final List<AuthorizerSpec> authorizers;
    private final List<SdkResource> sdkResources;
    private final List<TableSettings> tableSettings;
    private final Map<String, String> busNameOutputs;
    private final Set<String> extraOutputNames;

    private LocalTemplate(Builder built) {
        this.stack = built.stack;
        this.strippedTypes = Map.copyOf(built.strippedTypes);
        this.functions = List.copyOf(built.functions);
        this.sqsMappings = List.copyOf(built.sqsMappings);
        this.streamMappings = List.copyOf(built.streamMappings);
        this.routes = List.copyOf(built.routes);
        this.authorizers = List.copyOf(built.authorizers);
        this.sdkResources = List.copyOf(built.sdkResources);
        this.tableSettings = List.copyOf(built.tableSettings);
        this.busNameOutputs = Map.copyOf(built.busNameOutputs);
        this.extraOutputNames = Set.copyOf(built.extraOutputs.keySet());
    }

    /** Splits a translated template; {@code translated} itself is left untouched. */
    static LocalTemplate of(JsonNode translated) {
        if (translated == null || !translated.path("Resources").isObject()) {
            throw new LocalDeployException("Not a CloudFormation template: it has no Resources");
        }
        return new Builder(translated.deepCopy()).build();
    }

    /** The template to create on the emulator: stripped, rewritten for moto, with the extra outputs. */
    ObjectNode stack() {
        return stack;
    }

    /** Logical id → type of every resource left out of the stack because the local cloud plays it. */
    Map<String, String> strippedTypes() {
        return strippedTypes;
    }

    List<FunctionSpec> functions() {
        return functions;
    }

    List<SqsMappingSpec> sqsMappings() {
        return sqsMappings;
    }

    List<StreamMappingSpec> streamMappings() {
        return streamMappings;
    }

    List<HttpRoute> routes() {
        return routes;
    }

    List<AuthorizerSpec> authorizers() {
        return authorizers;
    }

    /** Subscriptions and queue policies, in template order, to apply once the stack exists. */
    List<SdkResource> sdkResources() {
        return sdkResources;
    }

    List<TableSettings> tableSettings() {
        return tableSettings;
    }

    /**
     * Event bus logical id → the output that carries its name: moto reports no physical id for a
     * bus, while {@code Ref} on AWS gives the name.
     */
    Map<String, String> busNameOutputs() {
        return busNameOutputs;
    }

    /** The outputs added for the local cloud's own use, on top of the template's. */
    Set<String> extraOutputNames() {
        return extraOutputNames;
    }

    /** {@code value} with every output marker replaced by the output's value. */
    static JsonNode resolve(JsonNode value, Map<String, String> outputs) {
        if (value == null) {
            return null;
        }
        if (value.isObject() && value.size() == 1 && value.has(OUTPUT_MARKER)) {
            String name = value.get(OUTPUT_MARKER).asText();
            String resolved = outputs.get(name);
            if (resolved == null) {
                throw new LocalDeployException("The emulator did not resolve output " + name
                        + " (a value the local runtime needs); outputs: " + new TreeSet<>(outputs.keySet()));
            }
            return JSON.textNode(resolved);
        }
        if (value.isArray()) {
            ArrayNode copy = JSON.arrayNode();
            value.forEach(element -> copy.add(resolve(element, outputs)));
            return copy;
        }
        if (value.isObject()) {
            ObjectNode copy = JSON.objectNode();
            value.properties().forEach(field -> copy.set(field.getKey(), resolve(field.getValue(), outputs)));
            return copy;
        }
        return value;
    }

    /** The resolved text of a scalar value; {@code null} for a missing value. */
    static String resolveText(JsonNode value, Map<String, String> outputs) {
        JsonNode resolved = resolve(value, outputs);
        if (resolved == null || resolved.isNull() || resolved.isMissingNode()) {
            return null;
        }
        if (!resolved.isValueNode()) {
            throw new LocalDeployException("Expected a single value but the template gives " + resolved);
        }
        return resolved.asText();
    }

    /** The split itself, done once on a private copy of the template. */
    private static final class Builder {
        private final ObjectNode template;
        private final ObjectNode resources;
        private final Map<String, String> strippedTypes = new LinkedHashMap<>();
        private final Set<String> leavingStack = new HashSet<>();
        private final Map<String, JsonNode> extraOutputs = new LinkedHashMap<>();
        private final ObjectNode stack;
        private final List<FunctionSpec> functions = new ArrayList<>();
        private final List<SqsMappingSpec> sqsMappings = new ArrayList<>();
        private final List<StreamMappingSpec> streamMappings = new ArrayList<>();
        private final List<HttpRoute> routes = new ArrayList<>();
        private final List<AuthorizerSpec> authorizers = new ArrayList<>();
        private final List<SdkResource> sdkResources = new ArrayList<>();
        private final List<TableSettings> tableSettings = new ArrayList<>();
        private final Map<String, String> busNameOutputs = new LinkedHashMap<>();

        Builder(ObjectNode template) {
            this.template = template;
            this.resources = (ObjectNode) template.get("Resources");
            rewriteForMoto();
            stripPlayedResources();
            resources.properties().forEach(resource -> {
                if (!strippedTypes.containsKey(resource.getKey()) && APPLIED_WITH_SDK.contains(type(resource.getValue()))) {
                    leavingStack.add(resource.getKey());
                }
            });
            leavingStack.addAll(strippedTypes.keySet());
            readFunctions();
            readEventSourceMappings();
            readHttpApis();
            readSdkResources();
            readTableSettings();
            readBusNames();
            this.stack = buildStack();
        }

        LocalTemplate build() {
            return new LocalTemplate(this);
        }

        // moto's CloudFormation answers 500 on a Ref to an event bus and on an archive whose
        // EventPattern is an object: rewrite both to equivalents it accepts (local copy only).
        private void rewriteForMoto() {
            Set<String> buses = idsOfType("AWS::Events::EventBus");
            if (!buses.isEmpty()) {
                var busRefToName = (java.util.function.Function<Reference, JsonNode>) reference ->
                        reference.attribute() == null && buses.contains(reference.logicalId())
                                ? Intrinsics.getAtt(reference.logicalId(), "Name") : null;
                List<String> ids = new ArrayList<>();
                resources.fieldNames().forEachRemaining(ids::add);
                ids.forEach(id -> resources.set(id, Intrinsics.rewrite(resources.get(id), busRefToName)));
                if (template.has("Outputs")) {
                    template.set("Outputs", Intrinsics.rewrite(template.get("Outputs"), busRefToName));
                }
            }
            for (String archive : idsOfType("AWS::Events::Archive")) {
                JsonNode properties = resources.get(archive).path("Properties");
                JsonNode pattern = properties.path("EventPattern");
                if (pattern.isObject() && !Intrinsics.isIntrinsic(pattern)) {
                    ((ObjectNode) properties).put("EventPattern", pattern.toString());
                }
            }
        }

        private void stripPlayedResources() {
            resources.properties().forEach(resource -> {
                String type = type(resource.getValue());
                if (PLAYED_TYPE_PREFIXES.stream().anyMatch(type::startsWith)) {
                    strippedTypes.put(resource.getKey(), type);
                }
            });
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Map.Entry<String, JsonNode> resource : resources.properties()) {
                    String id = resource.getKey();
                    if (strippedTypes.containsKey(id)) {
                        continue;
                    }
                    ObjectNode body = (ObjectNode) resource.getValue();
                    String type = type(body);
                    pruneDependsOn(body, strippedTypes.keySet());
                    if (type.equals("AWS::Events::Rule")) {
                        changed |= dropPlayedTargets(id, body);
                    }
                    boolean mentionsStripped = Intrinsics.references(body).stream().anyMatch(strippedTypes::containsKey);
                    if (mentionsStripped || isRoleOnlyOfStripped(id, type)) {
                        strippedTypes.put(id, type);
                        LOG.log(Level.DEBUG, "Not creating {0} ({1}) on the emulator: it belongs to what the"
                                + " local runtime plays", id, type);
                        changed = true;
                    }
                }
            }
        }

        /** A function role: an IAM role that only stripped resources mention. */
        private boolean isRoleOnlyOfStripped(String id, String type) {
            if (!type.equals("AWS::IAM::Role")) {
                return false;
            }
            boolean mentioned = false;
            for (Map.Entry<String, JsonNode> other : resources.properties()) {
                if (!other.getKey().equals(id) && Intrinsics.references(other.getValue()).contains(id)) {
                    if (!strippedTypes.containsKey(other.getKey())) {
                        return false;
                    }
                    mentioned = true;
                }
            }
            return mentioned;
        }

        private boolean dropPlayedTargets(String ruleId, ObjectNode rule) {
            JsonNode targets = rule.path("Properties").path("Targets");
            if (!targets.isArray()) {
                return false;
            }
            ArrayNode kept = JSON.arrayNode();
            for (JsonNode target : targets) {
                boolean played = Intrinsics.references(target).stream().anyMatch(strippedTypes::containsKey)
                        || String.valueOf(Intrinsics.literal(target.get("Arn"))).startsWith("arn:aws:lambda:");
                if (played) {
                    LOG.log(Level.DEBUG, "Rule {0}: target {1} is played by the local runtime, not the emulator",
                            ruleId, target.path("Id").asText());
                } else {
                    kept.add(target);
                }
            }
            if (kept.size() == targets.size()) {
                return false;
            }
            ((ObjectNode) rule.get("Properties")).set("Targets", kept);
            return true;
        }

        private void readFunctions() {
            for (String id : idsOfType("AWS::Lambda::Function")) {
                JsonNode properties = resources.get(id).path("Properties");
                String handler = properties.path("Handler").asText("");
                if (handler.isEmpty()) {
                    throw new LocalDeployException("Function " + id + " has no Handler: the local runtime runs"
                            + " Java handlers from the classpath and needs the class name");
                }
                int separator = handler.indexOf("::");
                Map<String, JsonNode> environment = new LinkedHashMap<>();
                properties.path("Environment").path("Variables").properties().forEach(variable ->
                        environment.put(variable.getKey(),
                                deferred(variable.getValue(), "LocalEnv" + id + variable.getKey())));
                functions.add(new FunctionSpec(id,
                        separator < 0 ? handler : handler.substring(0, separator),
                        separator < 0 ? null : handler.substring(separator + 2),
                        environment,
                        properties.path("Timeout").asInt(3),
                        properties.path("MemorySize").asInt(128)));
            }
        }

        private void readEventSourceMappings() {
            for (String id : idsOfType("AWS::Lambda::EventSourceMapping")) {
                JsonNode properties = resources.get(id).path("Properties");
                if (!properties.path("Enabled").asBoolean(true)) {
                    LOG.log(Level.INFO, "Event source mapping {0} is disabled in the template: not played", id);
                    continue;
                }
                if (properties.has("FilterCriteria")) {
                    LOG.log(Level.WARNING, "Event source mapping {0} has FilterCriteria, which the local runtime does"
                            + " not apply: the function sees every record", id);
                }
                String function = functionOf(properties.get("FunctionName"), "event source mapping " + id);
                JsonNode source = properties.get("EventSourceArn");
                boolean reportFailures = false;
                for (JsonNode responseType : properties.path("FunctionResponseTypes")) {
                    reportFailures |= responseType.asText().equals("ReportBatchItemFailures");
                }
                switch (sourceKind(id, source, properties)) {
                    case "sqs" -> sqsMappings.add(new SqsMappingSpec(id, function,
                            deferred(source, "LocalSrc" + id),
                            properties.path("BatchSize").asInt(10),
                            reportFailures,
                            properties.path("ScalingConfig").path("MaximumConcurrency").asInt(0)));
                    case "dynamodb" -> {
                        JsonNode onFailure = properties.path("DestinationConfig").path("OnFailure").get("Destination");
                        streamMappings.add(new StreamMappingSpec(id, function,
                                deferred(source, "LocalSrc" + id),
                                properties.path("BatchSize").asInt(100),
                                properties.path("StartingPosition").asText("TRIM_HORIZON"),
                                properties.path("BisectBatchOnFunctionError").asBoolean(false),
                                properties.path("MaximumRetryAttempts").asInt(-1),
                                onFailure == null ? null : deferred(onFailure, "LocalDst" + id),
                                reportFailures));
                    }
                    default -> throw new LocalDeployException("Event source mapping " + id + " reads "
                            + source + ": the local runtime plays only SQS queues and DynamoDB streams");
                }
            }
        }

        private String sourceKind(String mappingId, JsonNode source, JsonNode properties) {
            String literal = Intrinsics.literal(source);
            if (literal != null) {
                return literal.startsWith("arn:aws:sqs:") ? "sqs"
                        : literal.startsWith("arn:aws:dynamodb:") ? "dynamodb" : "other";
            }
            for (String referenced : Intrinsics.references(source)) {
                String type = resources.has(referenced) ? type(resources.get(referenced)) : "";
                if (type.equals("AWS::SQS::Queue")) {
                    return "sqs";
                }
                if (type.equals("AWS::DynamoDB::Table")) {
                    return "dynamodb";
                }
                if (!type.isEmpty()) {
                    return "other";
                }
            }
            LOG.log(Level.DEBUG, "Guessing the source kind of {0} from its properties", mappingId);
            return properties.has("StartingPosition") ? "dynamodb" : "sqs";
        }

        /** The function a FunctionName, integration or alias points at, following aliases and versions. */
        private String functionOf(JsonNode reference, String what) {
            Set<String> seen = new HashSet<>();
            String id = referencedId(reference);
            while (id != null && seen.add(id) && resources.has(id)) {
                String type = type(resources.get(id));
                if (type.equals("AWS::Lambda::Function")) {
                    return id;
                }
                if (!type.equals("AWS::Lambda::Alias") && !type.equals("AWS::Lambda::Version")) {
                    break;
                }
                id = referencedId(resources.get(id).path("Properties").get("FunctionName"));
            }
            throw new LocalDeployException("Cannot tell which function of the template " + what + " invokes ("
                    + reference + "): the local runtime needs a Ref or GetAtt to a function");
        }

        private static String referencedId(JsonNode reference) {
            Set<String> ids = reference == null ? Set.of() : Intrinsics.references(reference);
            return ids.size() == 1 ? ids.iterator().next() : null;
        }

        private void readHttpApis() {
            for (String apiId : idsOfType("AWS::ApiGatewayV2::Api")) {
                JsonNode body = resources.get(apiId).path("Properties").path("Body");
                if (!body.isObject()) {
                    LOG.log(Level.WARNING, "HTTP API {0} has no inline OpenAPI Body: its routes are not played locally",
                            apiId);
                    continue;
                }
                JsonNode defaultSecurity = body.path("security");
                body.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                    String method = HTTP_METHODS.get(operation.getKey().toLowerCase(Locale.ROOT));
                    if (method != null) {
                        readRoute(apiId, method, path.getKey(), operation.getValue(), defaultSecurity);
                    }
                }));
                body.path("components").path("securitySchemes").properties().forEach(scheme -> {
                    JsonNode authorizer = scheme.getValue().path("x-amazon-apigateway-authorizer");
                    if (authorizer.path("type").asText().equals("jwt")) {
                        readJwtAuthorizer(scheme.getKey(), authorizer);
                    } else if (!authorizer.isMissingNode()) {
                        LOG.log(Level.WARNING, "Authorizer {0} of {1} is of type {2}: only JWT authorizers are played"
                                + " locally", scheme.getKey(), apiId, authorizer.path("type").asText());
                    }
                });
            }
        }

        private void readRoute(String apiId, String method, String path, JsonNode operation, JsonNode defaultSecurity) {
            JsonNode uri = operation.path("x-amazon-apigateway-integration").path("uri");
            JsonNode subArgs = uri.path("Fn::Sub");
            String uriText = subArgs.isArray() ? subArgs.path(0).asText() : subArgs.asText(uri.asText());
            Matcher target = INTEGRATION_FUNCTION.matcher(uriText);
            if (!target.find()) {
                LOG.log(Level.WARNING, "{0} {1} {2} does not integrate a function of the template: not played locally",
                        apiId, method, path);
                return;
            }
            String function = functionOf(Intrinsics.ref(target.group(1)), "route " + method + " " + path);
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
            routes.add(new HttpRoute(method, path, function, authorizer, scopes));
        }

        private void readJwtAuthorizer(String name, JsonNode authorizer) {
            JsonNode jwt = authorizer.path("jwtConfiguration");
            JsonNode identitySource = authorizer.path("identitySource");
            List<JsonNode> audience = new ArrayList<>();
            JsonNode audiences = jwt.path("audience");
            if (audiences.isArray()) {
                for (int i = 0; i < audiences.size(); i++) {
                    audience.add(deferred(audiences.get(i), "LocalAuth" + name + "Audience" + i));
                }
            } else if (!audiences.isMissingNode()) {
                audience.add(deferred(audiences, "LocalAuth" + name + "Audience"));
            }
            authorizers.add(new AuthorizerSpec(name,
                    identitySource.isArray() ? identitySource.path(0).asText() : identitySource.asText(null),
                    deferred(jwt.path("issuer"), "LocalAuth" + name + "Issuer"),
                    audience));
        }

        private void readSdkResources() {
            resources.properties().forEach(resource -> {
                String id = resource.getKey();
                if (leavingStack.contains(id) && !strippedTypes.containsKey(id)) {
                    sdkResources.add(new SdkResource(id, type(resource.getValue()),
                            deferred(resource.getValue().path("Properties"), "LocalSdk" + id)));
                }
            });
        }

        private void readTableSettings() {
            for (String id : idsOfType("AWS::DynamoDB::Table")) {
                if (strippedTypes.containsKey(id)) {
                    continue;
                }
                JsonNode properties = resources.get(id).path("Properties");
                boolean pitr = properties.path("PointInTimeRecoverySpecification")
                        .path("PointInTimeRecoveryEnabled").asBoolean(false);
                JsonNode ttl = properties.path("TimeToLiveSpecification");
                String ttlAttribute = ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText(null) : null;
                if (pitr || ttlAttribute != null) {
                    tableSettings.add(new TableSettings(id, pitr, ttlAttribute));
                }
            }
        }

        private void readBusNames() {
            for (String id : idsOfType("AWS::Events::EventBus")) {
                if (!strippedTypes.containsKey(id)) {
                    busNameOutputs.put(id, addOutput("LocalBusName" + id, Intrinsics.getAtt(id, "Name")));
                }
            }
        }

        private ObjectNode buildStack() {
            ObjectNode stackTemplate = template.deepCopy();
            ObjectNode stackResources = (ObjectNode) stackTemplate.get("Resources");
            stackResources.remove(leavingStack);
            stackResources.forEach(resource -> pruneDependsOn((ObjectNode) resource, leavingStack));
            ObjectNode outputs = stackTemplate.has("Outputs") && stackTemplate.get("Outputs").isObject()
                    ? (ObjectNode) stackTemplate.get("Outputs") : stackTemplate.putObject("Outputs");
            List<String> orphaned = new ArrayList<>();
            outputs.properties().forEach(output -> {
                if (Intrinsics.references(output.getValue()).stream().anyMatch(leavingStack::contains)) {
                    orphaned.add(output.getKey());
                }
            });
            outputs.remove(orphaned);
            extraOutputs.forEach((name, value) -> outputs.putObject(name).set("Value", value));
            return stackTemplate;
        }

        /**
         * The value as the runtime will see it: literals stay, every intrinsic becomes an output
         * marker. Mentions of what the local cloud plays get stand-ins first (see
         * {@link #standIn}), since the emulator never sees those resources.
         */
        private JsonNode deferred(JsonNode value, String outputHint) {
            if (value == null || value.isMissingNode()) {
                return null;
            }
            JsonNode local = Intrinsics.rewrite(value, reference -> leavingStack.contains(reference.logicalId())
                    ? JSON.textNode(standIn(reference)) : null);
            return markIntrinsics(local, outputHint, new int[] {0});
        }

        private JsonNode markIntrinsics(JsonNode value, String outputHint, int[] counter) {
            if (Intrinsics.isIntrinsic(value)) {
                String hint = counter[0]++ == 0 ? outputHint : outputHint + counter[0];
                return JSON.objectNode().put(OUTPUT_MARKER, addOutput(hint, value));
            }
            if (value.isArray()) {
                ArrayNode copy = JSON.arrayNode();
                value.forEach(element -> copy.add(markIntrinsics(element, outputHint, counter)));
                return copy;
            }
            if (value.isObject()) {
                ObjectNode copy = JSON.objectNode();
                value.properties().forEach(field ->
                        copy.set(field.getKey(), markIntrinsics(field.getValue(), outputHint, counter)));
                return copy;
            }
            return value;
        }

        private String addOutput(String hint, JsonNode value) {
            String base = hint.replaceAll("[^A-Za-z0-9]", "");
            String name = base;
            for (int n = 2; extraOutputs.containsKey(name) || template.path("Outputs").has(name); n++) {
                name = base + n;
            }
            extraOutputs.put(name, value);
            return name;
        }

        /**
         * What a mention of a played resource reads as locally: {@code Ref} gives the logical id
         * (the function name, pool id or client id the local runtime uses), {@code GetAtt} an ARN
         * or URL shaped like AWS's, built from that id.
         */
        private String standIn(Reference reference) {
            String id = reference.logicalId();
            String type = strippedTypes.getOrDefault(id, resources.has(id) ? type(resources.get(id)) : "");
            String attribute = reference.attribute();
            if (attribute == null) {
                return id;
            }
            String region = AwsClients.REGION.id();
            String account = AwsClients.ACCOUNT_ID;
            return switch (type + "." + attribute) {
                case "AWS::Lambda::Function.Arn" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + id;
                case "AWS::Cognito::UserPool.Arn" -> "arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + id;
                case "AWS::Cognito::UserPool.ProviderURL" -> "https://cognito-idp." + region + ".amazonaws.com/" + id;
                case "AWS::Cognito::UserPool.ProviderName" -> "cognito-idp." + region + ".amazonaws.com/" + id;
                case "AWS::ApiGatewayV2::Api.ApiEndpoint" -> "https://" + id + ".execute-api." + region + ".amazonaws.com";
                default -> id + "." + attribute;
            };
        }

        private Set<String> idsOfType(String type) {
            Set<String> ids = new LinkedHashSet<>();
            resources.properties().forEach(resource -> {
                if (type(resource.getValue()).equals(type)) {
                    ids.add(resource.getKey());
                }
            });
            return ids;
        }

        private static String type(JsonNode resource) {
            return resource.path("Type").asText("");
        }

        private static void pruneDependsOn(ObjectNode resource, Set<String> gone) {
            JsonNode dependsOn = resource.get("DependsOn");
            if (dependsOn == null) {
                return;
            }
            if (dependsOn.isTextual()) {
                if (gone.contains(dependsOn.asText())) {
                    resource.remove("DependsOn");
                }
                return;
            }
            ArrayNode kept = JSON.arrayNode();
            dependsOn.forEach(name -> {
                if (!gone.contains(name.asText())) {
                    kept.add(name);
                }
            });
            if (kept.isEmpty()) {
                resource.remove("DependsOn");
            } else {
                resource.set("DependsOn", kept);
            }
        }
    }

    /** The stack template as JSON text, as CreateStack takes it. */
    String stackJson() {
        try {
            return MAPPER.writeValueAsString(stack);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A Jackson tree always serialises", e);
        }
    }
}
