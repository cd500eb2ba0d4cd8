package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Resources} of the template being split, looked up the way every step of the split
 * needs them: by logical id, by type, and from a reference to the function it leads to.
 *
 * <p>A view of the deployer's private working copy: the steps that rewrite the copy (moto's
 * fix-ups, stripping played targets) are seen by the steps that read it afterwards.
 */
final class TemplateResources {

    private final ObjectNode resources;

    TemplateResources(ObjectNode template) {
        this.resources = (ObjectNode) template.get("Resources");
    }

    /** Every resource as logical id → body, in template order; the bodies are the working copy's own. */
    Set<Map.Entry<String, JsonNode>> all() {
        return resources.properties();
    }

    /** The logical ids, in template order, copied so that a caller may replace resources meanwhile. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        resources.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    boolean has(String logicalId) {
        return resources.has(logicalId);
    }

    /** The resource's body; {@code null} when the template has no such resource. */
    JsonNode get(String logicalId) {
        return resources.get(logicalId);
    }

    void replace(String logicalId, JsonNode body) {
        resources.set(logicalId, body);
    }

    /** The resource's {@code Properties}, a missing node when it has none. */
    JsonNode properties(String logicalId) {
        return resources.path(logicalId).path("Properties");
    }

    /** The resource's type, or {@code ""} when the template has no such resource. */
    String type(String logicalId) {
        return resources.has(logicalId) ? typeOf(resources.get(logicalId)) : "";
    }

    /** The logical ids of every resource of {@code type}, in template order. */
    Set<String> idsOfType(String type) {
        Set<String> ids = new LinkedHashSet<>();
        resources.properties().forEach(resource -> {
            if (typeOf(resource.getValue()).equals(type)) {
                ids.add(resource.getKey());
            }
        });
        return ids;
    }

    /**
     * The function a {@code FunctionName}, an integration or an alias points at, following aliases
     * and versions.
     *
     * @param what names the pointing resource in the error message
     * @throws LocalDeployException when the reference does not lead to a function of the template
     */
    String functionOf(JsonNode reference, String what) {
        Set<String> seen = new HashSet<>();
        String id = referencedId(reference);
        while (id != null && seen.add(id) && resources.has(id)) {
            String type = type(id);
            if (type.equals("AWS::Lambda::Function")) {
                return id;
            }
            if (!type.equals("AWS::Lambda::Alias") && !type.equals("AWS::Lambda::Version")) {
                break;
            }
            id = referencedId(properties(id).get("FunctionName"));
        }
        throw new LocalDeployException("Cannot tell which function of the template " + what + " invokes ("
                + reference + "): the local runtime needs a Ref or GetAtt to a function");
    }

    /** The type of a resource body, or {@code ""} when it declares none. */
    static String typeOf(JsonNode resource) {
        return resource.path("Type").asText("");
    }

    private static String referencedId(JsonNode reference) {
        Set<String> ids = reference == null ? Set.of() : Intrinsics.references(reference);
        return ids.size() == 1 ? ids.iterator().next() : null;
    }
}
