package com.example.shop.localcloud.deploy;

import com.example.shop.localcloud.deploy.Intrinsics.Reference;
import com.example.shop.localcloud.emulator.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The outputs the local runtime needs: every intrinsic value it reads from the template (an
 * environment variable {@code !Ref Table}, a mapping's {@code !GetAtt Queue.Arn}) becomes an extra
 * stack output, so the emulator's own CloudFormation resolves it exactly as AWS would.
 *
 * <p>Until the stack exists such a value waits as an output marker,
 * <code>{"LocalCloud::Output": "&lt;output name&gt;"}</code>; {@link #resolve} puts the output's value
 * in its place afterwards. A mention of a resource that never reaches the emulator (one the
 * runtime plays, or one applied with the SDK) cannot be an output, so it reads as a local stand-in
 * instead (see {@link #standIn}).
 */
final class RuntimeOutputs {

    /** Marks a value the emulator resolves: {@code {"LocalCloud::Output": "<output name>"}}. */
    static final String MARKER = "LocalCloud::Output";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode template;
    private final PlayedResources played;
    private final Map<String, JsonNode> extraOutputs = new LinkedHashMap<>();

    /** Outputs to add to {@code template}, whose own output names they keep clear of. */
    RuntimeOutputs(ObjectNode template, PlayedResources played) {
        this.template = template;
        this.played = played;
    }

    /**
     * The value as the runtime will see it: literals stay, every intrinsic becomes an output
     * marker, mentions of what never reaches the emulator their stand-ins.
     *
     * @param outputHint the name of the output to add, made unique with a number when taken
     * @return {@code null} for a missing value
     */
    JsonNode defer(JsonNode value, String outputHint) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        JsonNode local = Intrinsics.rewrite(value, reference -> played.leavesStack(reference.logicalId())
                ? JSON.textNode(standIn(reference)) : null);
        return markIntrinsics(local, outputHint, new int[] {0});
    }

    /** Adds an output with {@code value}, named after {@code hint}; returns the name it got. */
    String add(String hint, JsonNode value) {
        String base = hint.replaceAll("[^A-Za-z0-9]", "");
        String name = base;
        for (int n = 2; extraOutputs.containsKey(name) || template.path("Outputs").has(name); n++) {
            name = base + n;
        }
        extraOutputs.put(name, value);
        return name;
    }

    /** Output name → value of every output added for the runtime, in the order they were added. */
    Map<String, JsonNode> extraOutputs() {
        return Collections.unmodifiableMap(extraOutputs);
    }

    /** {@code value} with every output marker replaced by the output's value. */
    static JsonNode resolve(JsonNode value, Map<String, String> outputs) {
        if (value == null) {
            return null;
        }
        if (value.isObject() && value.size() == 1 && value.has(MARKER)) {
            String name = value.get(MARKER).asText();
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

    private JsonNode markIntrinsics(JsonNode value, String outputHint, int[] counter) {
        if (Intrinsics.isIntrinsic(value)) {
            String hint = counter[0]++ == 0 ? outputHint : outputHint + counter[0];
            return JSON.objectNode().put(MARKER, add(hint, value));
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

    /**
     * What a mention of a resource off the stack reads as locally: {@code Ref} gives the logical id
     * (the function name, pool id or client id the local runtime uses), {@code GetAtt} an ARN or
     * URL shaped like AWS's, built from that id.
     */
    private String standIn(Reference reference) {
        String id = reference.logicalId();
        String attribute = reference.attribute();
        if (attribute == null) {
            return id;
        }
        String region = AwsClients.REGION.id();
        String account = AwsClients.ACCOUNT_ID;
        return switch (played.type(id) + "." + attribute) {
            case "AWS::Lambda::Function.Arn" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + id;
            case "AWS::Cognito::UserPool.Arn" -> "arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + id;
            case "AWS::Cognito::UserPool.ProviderURL" -> "https://cognito-idp." + region + ".amazonaws.com/" + id;
            case "AWS::Cognito::UserPool.ProviderName" -> "cognito-idp." + region + ".amazonaws.com/" + id;
            case "AWS::ApiGatewayV2::Api.ApiEndpoint" -> "https://" + id + ".execute-api." + region + ".amazonaws.com";
            default -> id + "." + attribute;
        };
    }
}
