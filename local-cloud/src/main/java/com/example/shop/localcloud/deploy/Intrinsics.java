package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and rewriting CloudFormation intrinsic functions ({@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} and the rest) in a template held as a Jackson tree.
 *
 * <p>Only what the local deployer needs: which logical ids a value mentions, and replacing the
 * mentions of chosen resources, including the ones hidden in {@code Fn::Sub} strings.
 */
final class Intrinsics {

    /** A mention of a resource or parameter: {@code Ref X} ({@code attribute == null}) or {@code GetAtt X.attribute}. */
    record Reference(String logicalId, String attribute) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SUB_PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Intrinsics() {
    }

    /** Whether {@code node} is an intrinsic function call: an object with one {@code Ref} or {@code Fn::} key. */
    static boolean isIntrinsic(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    static ObjectNode ref(String logicalId) {
        return JSON.objectNode().put("Ref", logicalId);
    }

    static ObjectNode getAtt(String logicalId, String attribute) {
        ObjectNode node = JSON.objectNode();
        node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
        return node;
    }

    /** Every logical id (resource or parameter, never a pseudo parameter) that {@code node} mentions. */
    static Set<String> references(JsonNode node) {
        Set<String> found = new LinkedHashSet<>();
        rewrite(node, reference -> {
            found.add(reference.logicalId());
            return null;
        });
        return found;
    }

    /**
     * A copy of {@code node} with mentions replaced. {@code replacement} answers {@code null} to
     * keep a mention, a text node to put a literal in its place, or a {@code Ref}/{@code GetAtt}
     * node to point it elsewhere; inside {@code Fn::Sub} strings the answer is spliced in as
     * text or as a {@code ${X}}/{@code ${X.Attr}} placeholder.
     */
    static JsonNode rewrite(JsonNode node, Function<Reference, JsonNode> replacement) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.arrayNode();
            node.forEach(element -> copy.add(rewrite(element, replacement)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            Map.Entry<String, JsonNode> call = node.properties().iterator().next();
            switch (call.getKey()) {
                case "Ref" -> {
                    return call.getValue().isTextual()
                            ? replaceMention(node, reference(call.getValue().asText(), null), replacement)
                            : node;
                }
                case "Fn::GetAtt" -> {
                    Reference reference = getAttReference(call.getValue());
                    return reference == null ? node : replaceMention(node, reference, replacement);
                }
                case "Fn::Sub" -> {
                    return rewriteSub(call.getValue(), replacement);
                }
                default -> {
                    // other functions (Join, If, Select, ...) only nest values: fall through to the generic walk
                }
            }
        }
        ObjectNode copy = JSON.objectNode();
        node.properties().forEach(field -> copy.set(field.getKey(), rewrite(field.getValue(), replacement)));
        return copy;
    }

    private static JsonNode replaceMention(JsonNode original, Reference reference, Function<Reference, JsonNode> replacement) {
        if (reference == null) {
            return original;
        }
        JsonNode replaced = replacement.apply(reference);
        return replaced == null ? original : replaced;
    }

    private static Reference getAttReference(JsonNode args) {
        if (args.isArray() && args.size() == 2 && args.get(0).isTextual()) {
            return reference(args.get(0).asText(), args.get(1).isTextual() ? args.get(1).asText() : "");
        }
        if (args.isTextual() && args.asText().contains(".")) {
            String text = args.asText();
            int dot = text.indexOf('.');
            return reference(text.substring(0, dot), text.substring(dot + 1));
        }
        return null;
    }

    /** {@code null} for pseudo parameters such as {@code AWS::Region}: they name no resource. */
    private static Reference reference(String logicalId, String attribute) {
        return logicalId.startsWith("AWS::") ? null : new Reference(logicalId, attribute);
    }

    private static JsonNode rewriteSub(JsonNode args, Function<Reference, JsonNode> replacement) {
        String text;
        JsonNode variables;
        if (args.isTextual()) {
            text = args.asText();
            variables = null;
        } else if (args.isArray() && args.size() == 2 && args.get(0).isTextual()) {
            text = args.get(0).asText();
            variables = args.get(1);
        } else {
            ObjectNode unknown = JSON.objectNode();
            unknown.set("Fn::Sub", rewrite(args, replacement));
            return unknown;
        }
        Matcher placeholders = SUB_PLACEHOLDER.matcher(text);
        StringBuilder rewritten = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1).trim();
            String spliced = placeholders.group();
            boolean local = name.startsWith("!") || (variables != null && variables.has(name));
            Reference reference = local ? null : subReference(name);
            if (reference != null) {
                JsonNode replaced = replacement.apply(reference);
                if (replaced != null) {
                    spliced = subText(replaced);
                }
            }
            placeholders.appendReplacement(rewritten, Matcher.quoteReplacement(spliced));
        }
        placeholders.appendTail(rewritten);

        ObjectNode sub = JSON.objectNode();
        if (variables == null) {
            sub.put("Fn::Sub", rewritten.toString());
        } else {
            sub.putArray("Fn::Sub").add(rewritten.toString()).add(rewrite(variables, replacement));
        }
        return sub;
    }

    private static Reference subReference(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? reference(name, null) : reference(name.substring(0, dot), name.substring(dot + 1));
    }

    private static String subText(JsonNode replaced) {
        if (replaced.isTextual()) {
            // a literal must not be read back as a placeholder
            return replaced.asText().replace("${", "${!");
        }
        if (replaced.has("Ref")) {
            return "${" + replaced.get("Ref").asText() + "}";
        }
        Reference target = replaced.has("Fn::GetAtt") ? getAttReference(replaced.get("Fn::GetAtt")) : null;
        if (target == null) {
            throw new IllegalArgumentException("Only a literal, Ref or GetAtt can replace a Fn::Sub placeholder: " + replaced);
        }
        return "${" + target.logicalId() + "." + target.attribute() + "}";
    }

    /** The text of a literal scalar; {@code null} for intrinsics, objects and arrays. */
    static String literal(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    static TextNode text(String value) {
        return JSON.textNode(value);
    }
}
