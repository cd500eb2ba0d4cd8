package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.Function;

/**
 * The emulator's fix-ups: rewrites of the template into equivalents moto's CloudFormation accepts,
 * where it answers HTTP 500 on what AWS takes.
 *
 * <ul>
 *   <li>{@code Ref} to an event bus becomes {@code Fn::GetAtt Bus.Name}: on AWS both give the
 *       bus's name, moto fails on the {@code Ref};</li>
 *   <li>an archive's {@code EventPattern} object becomes the same pattern as JSON text, which
 *       moto parses where it cannot take the object.</li>
 * </ul>
 * Applied to the deployer's own copy only, never to {@code infra/template.yaml}.
 */
final class MotoRewrites {

    private MotoRewrites() {
    }

    /** Rewrites {@code template} in place. */
    static void apply(ObjectNode template) {
        TemplateResources resources = new TemplateResources(template);
        Set<String> buses = resources.idsOfType("AWS::Events::EventBus");
        if (!buses.isEmpty()) {
            Function<Intrinsics.Reference, JsonNode> busRefToName = reference ->
                    reference.attribute() == null && buses.contains(reference.logicalId())
                            ? Intrinsics.getAtt(reference.logicalId(), "Name") : null;
            resources.ids().forEach(id -> resources.replace(id, Intrinsics.rewrite(resources.get(id), busRefToName)));
            if (template.has("Outputs")) {
                template.set("Outputs", Intrinsics.rewrite(template.get("Outputs"), busRefToName));
            }
        }
        for (String archive : resources.idsOfType("AWS::Events::Archive")) {
            JsonNode properties = resources.properties(archive);
            JsonNode pattern = properties.path("EventPattern");
            if (pattern.isObject() && !Intrinsics.isIntrinsic(pattern)) {
                ((ObjectNode) properties).put("EventPattern", pattern.toString());
            }
        }
    }
}
