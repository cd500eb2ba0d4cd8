package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The split itself: which resources stay out of the emulator's stack, and the stack without them.
 *
 * <p>The local runtime plays Lambda, the HTTP API, CodeDeploy and the identity provider, so their
 * resources are stripped, together with everything that only makes sense next to them: the
 * function roles, an alarm on a function's errors, anything else that mentions a stripped
 * resource. A rule keeps its other targets and loses those the runtime plays. The resources the
 * emulator's CloudFormation skips or refuses ({@link DeployQuirks#createdWithSdk()}) leave the
 * stack too: the deployer applies them with the SDK (see {@link EmulatorGaps}).
 */
final class PlayedResources {

    /** Resource type prefixes of what the local runtime plays instead of the emulator. */
    static final List<String> PLAYED_TYPE_PREFIXES =
            List.of("AWS::Lambda::", "AWS::ApiGatewayV2::", "AWS::CodeDeploy::", "AWS::Cognito::");

    private static final System.Logger LOG = System.getLogger(PlayedResources.class.getName());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TemplateResources resources;
    private final Map<String, String> strippedTypes = new LinkedHashMap<>();
    private final Set<String> leavingStack = new HashSet<>();

    private PlayedResources(TemplateResources resources) {
        this.resources = resources;
    }

    /**
     * Finds what the runtime plays and what leaves the stack; drops the played rule targets and
     * the {@code DependsOn} entries naming stripped resources from {@code resources} in place.
     */
    static PlayedResources strip(TemplateResources resources, Set<String> createdWithSdk) {
        PlayedResources played = new PlayedResources(resources);
        played.stripPlayed();
        resources.all().forEach(resource -> {
            String id = resource.getKey();
            if (!played.strippedTypes.containsKey(id)
                    && createdWithSdk.contains(TemplateResources.typeOf(resource.getValue()))) {
                played.leavingStack.add(id);
            }
        });
        played.leavingStack.addAll(played.strippedTypes.keySet());
        return played;
    }

    /** Logical id → type of every resource left out of the stack because the local cloud plays it. */
    Map<String, String> strippedTypes() {
        return Collections.unmodifiableMap(strippedTypes);
    }

    boolean isPlayed(String logicalId) {
        return strippedTypes.containsKey(logicalId);
    }

    /** Whether the resource stays out of the stack: played locally, or applied with the SDK. */
    boolean leavesStack(String logicalId) {
        return leavingStack.contains(logicalId);
    }

    /** The type of a resource, as it was before it was stripped. */
    String type(String logicalId) {
        return strippedTypes.getOrDefault(logicalId, resources.type(logicalId));
    }

    /**
     * The template to create on the emulator: {@code template} without what leaves the stack,
     * without the outputs that mention it, and with {@code extraOutputs} added.
     */
    ObjectNode stack(ObjectNode template, Map<String, JsonNode> extraOutputs) {
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

    // Stripping spreads: a resource that mentions a stripped one goes too, and so on until nothing
    // changes, because the emulator could not resolve the mention.
    private void stripPlayed() {
        resources.all().forEach(resource -> {
            String type = TemplateResources.typeOf(resource.getValue());
            if (PLAYED_TYPE_PREFIXES.stream().anyMatch(type::startsWith)) {
                strippedTypes.put(resource.getKey(), type);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, JsonNode> resource : resources.all()) {
                String id = resource.getKey();
                if (strippedTypes.containsKey(id)) {
                    continue;
                }
                ObjectNode body = (ObjectNode) resource.getValue();
                String type = TemplateResources.typeOf(body);
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
        for (Map.Entry<String, JsonNode> other : resources.all()) {
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
