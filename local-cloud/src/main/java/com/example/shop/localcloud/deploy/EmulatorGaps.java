package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the emulator's CloudFormation skips or cannot tell, for the deployer to make up for once
 * the stack exists: the resources it skips or refuses (on moto SNS subscriptions, queue policies
 * and SES identities; on MiniStack archives — {@link DeployQuirks#createdWithSdk()}), the table
 * settings it ignores (point-in-time recovery, TTL), and the names of event buses, for which it
 * reports no physical id.
 *
 * @param sdkResources   the resources to apply with the SDK, in template order
 * @param tableSettings  the tables with a setting to apply
 * @param busNameOutputs event bus logical id → the output that carries its name ({@code Ref} on
 *                       AWS gives the name)
 */
record EmulatorGaps(List<SdkResource> sdkResources, List<TableSettings> tableSettings,
                    Map<String, String> busNameOutputs) {

    /** A resource applied with the SDK after the stack exists; its properties may hold output markers. */
    record SdkResource(String logicalId, String type, JsonNode properties) {
    }

    /** A table setting the emulator's CloudFormation ignores (point-in-time recovery, TTL). */
    record TableSettings(String logicalId, boolean pointInTimeRecovery, String ttlAttribute) {
    }

    EmulatorGaps {
        sdkResources = List.copyOf(sdkResources);
        tableSettings = List.copyOf(tableSettings);
        busNameOutputs = Map.copyOf(busNameOutputs);
    }

    /** Reads the gaps of the stack that {@code played} leaves; bus names become extra {@code outputs}. */
    static EmulatorGaps read(TemplateResources resources, PlayedResources played, RuntimeOutputs outputs) {
        List<SdkResource> sdkResources = new ArrayList<>();
        resources.all().forEach(resource -> {
            String id = resource.getKey();
            if (played.leavesStack(id) && !played.isPlayed(id)) {
                sdkResources.add(new SdkResource(id, TemplateResources.typeOf(resource.getValue()),
                        outputs.defer(resource.getValue().path("Properties"), "LocalSdk" + id)));
            }
        });
        List<TableSettings> tableSettings = new ArrayList<>();
        for (String id : resources.idsOfType("AWS::DynamoDB::Table")) {
            if (played.isPlayed(id)) {
                continue;
            }
            JsonNode properties = resources.properties(id);
            boolean pitr = properties.path("PointInTimeRecoverySpecification")
                    .path("PointInTimeRecoveryEnabled").asBoolean(false);
            JsonNode ttl = properties.path("TimeToLiveSpecification");
            String ttlAttribute = ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText(null) : null;
            if (pitr || ttlAttribute != null) {
                tableSettings.add(new TableSettings(id, pitr, ttlAttribute));
            }
        }
        Map<String, String> busNameOutputs = new LinkedHashMap<>();
        for (String id : resources.idsOfType("AWS::Events::EventBus")) {
            if (!played.isPlayed(id)) {
                busNameOutputs.put(id, outputs.add("LocalBusName" + id, Intrinsics.getAtt(id, "Name")));
            }
        }
        return new EmulatorGaps(sdkResources, tableSettings, busNameOutputs);
    }
}
