package com.example.shop.localcloud.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every function's execution role as the translated template (plain CloudFormation, after the SAM
 * transform) declares it: the inline policy documents and the managed policy ARNs, with every
 * intrinsic resolved the way {@link CallRecording} names resources, by logical id
 * ({@code table/OrdersTable}, {@code event-bus/ShopEventBus}), in {@value #REGION} and
 * {@value #ACCOUNT}.
 */
final class FunctionPolicies {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = com.example.shop.localcloud.emulator.AwsClients.ACCOUNT_ID;
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * One function's role.
     *
     * @param function the function's logical id
     * @param role     the role's logical id
     * @param policies the inline policy documents, resolved
     * @param managed  the managed policies' names (the ARN's last part)
     */
    record Role(String function, String role, List<JsonNode> policies, List<String> managed) {

        /** Each Allow statement's actions, with the statement. */
        List<Map.Entry<String, JsonNode>> grants() {
            List<Map.Entry<String, JsonNode>> grants = new ArrayList<>();
            for (JsonNode policy : policies) {
                for (JsonNode statement : policy.path("Statement")) {
                    JsonNode actions = statement.path("Action");
                    for (JsonNode action : actions.isArray() ? actions : JSON.arrayNode().add(actions)) {
                        grants.add(Map.entry(action.asText(), statement));
                    }
                }
            }
            return grants;
        }
    }

    private final JsonNode template;

    FunctionPolicies(JsonNode translated) {
        this.template = translated;
    }

    /** Each function's role, by function logical id. */
    Map<String, Role> roles() {
        Map<String, Role> roles = new TreeMap<>();
        template.path("Resources").properties().forEach(resource -> {
            JsonNode body = resource.getValue();
            if (!body.path("Type").asText().equals("AWS::Lambda::Function")) {
                return;
            }
            JsonNode roleRef = body.path("Properties").path("Role").path("Fn::GetAtt");
            String roleId = roleRef.isArray() ? roleRef.get(0).asText() : roleRef.asText().split("\\.")[0];
            JsonNode role = template.path("Resources").path(roleId).path("Properties");
            List<JsonNode> policies = new ArrayList<>();
            role.path("Policies").forEach(policy -> policies.add(resolve(policy.path("PolicyDocument"))));
            List<String> managed = new ArrayList<>();
            role.path("ManagedPolicyArns").forEach(arn -> {
                String text = resolve(arn).asText();
                managed.add(text.substring(text.lastIndexOf('/') + 1));
            });
            roles.put(resource.getKey(), new Role(resource.getKey(), roleId, policies, managed));
        });
        return roles;
    }

    /** The node with every Ref, GetAtt, Sub and Join replaced by its value. */
    JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1) {
            var entry = node.properties().iterator().next();
            JsonNode args = entry.getValue();
            switch (entry.getKey()) {
                case "Ref" -> {
                    return TextNode.valueOf(ref(args.asText()));
                }
                case "Fn::GetAtt" -> {
                    String[] parts = args.isArray() ? new String[] {args.get(0).asText(), args.get(1).asText()}
                            : args.asText().split("\\.", 2);
                    return TextNode.valueOf(getAtt(parts[0], parts[1]));
                }
                case "Fn::Sub" -> {
                    return TextNode.valueOf(sub(args.isArray() ? args.get(0).asText() : args.asText()));
                }
                case "Fn::Join" -> {
                    List<String> parts = new ArrayList<>();
                    resolve(args.get(1)).forEach(part -> parts.add(part.asText()));
                    return TextNode.valueOf(String.join(args.get(0).asText(), parts));
                }
                default -> {
                }
            }
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), resolve(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.arrayNode();
            node.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        return node;
    }

    private String sub(String text) {
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.contains(".") ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                    : ref(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region" -> {
                return REGION;
            }
            case "AWS::AccountId" -> {
                return ACCOUNT;
            }
            case "AWS::Partition" -> {
                return "aws";
            }
            case "AWS::StackName" -> {
                return "shop-local";
            }
            case "AWS::URLSuffix" -> {
                return "amazonaws.com";
            }
            default -> {
            }
        }
        JsonNode parameter = template.path("Parameters").path(name);
        if (!parameter.isMissingNode()) {
            return parameter.path("Default").asText();
        }
        return switch (type(name)) {
            case "AWS::SQS::Queue" -> "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + name;
            case "AWS::SNS::Topic" -> "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + name;
            default -> name;
        };
    }

    private String getAtt(String id, String attribute) {
        String arn = "arn:aws:%s:" + REGION + ":" + ACCOUNT + ":%s";
        return switch (type(id) + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> arn.formatted("dynamodb", "table/" + id);
            case "AWS::DynamoDB::Table.StreamArn" ->
                    arn.formatted("dynamodb", "table/" + id + "/stream/" + CallRecording.STREAM_LABEL);
            case "AWS::SQS::Queue.Arn" -> arn.formatted("sqs", id);
            case "AWS::SQS::Queue.QueueName", "AWS::SNS::Topic.TopicName", "AWS::Events::EventBus.Name" -> id;
            case "AWS::SNS::Topic.TopicArn" -> arn.formatted("sns", id);
            case "AWS::Events::EventBus.Arn" -> arn.formatted("events", "event-bus/" + id);
            case "AWS::KMS::Key.Arn" -> arn.formatted("kms", "key/" + id);
            default -> throw new IllegalArgumentException("A policy names " + id + "." + attribute
                    + " (" + type(id) + "), which FunctionPolicies does not resolve yet");
        };
    }

    private String type(String id) {
        return template.path("Resources").path(id).path("Type").asText("");
    }
}
