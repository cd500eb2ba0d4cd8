package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alarms an emulator without metric math cannot create (MiniStack fails the whole stack on
 * one): alarms with a {@code Metrics} list instead of a single metric — throttles as a share of
 * invocations, the payment decline ratio, the saga's p99 duration. They are left out of the
 * emulator's stack, and the deployer names them in its log. Nothing else refers to an alarm and no
 * local test reads one: locally no metric reaches CloudWatch at all (the functions write embedded
 * metric lines to standard output, which nothing local turns into metrics), so these alarms could
 * never fire on any backend. Applied to the deployer's own copy only.
 */
final class MetricMathAlarms {

    private MetricMathAlarms() {
    }

    /** Removes the metric-math alarms from {@code template}; returns logical id → why, for each one. */
    static Map<String, String> leaveOut(ObjectNode template) {
        TemplateResources resources = new TemplateResources(template);
        Map<String, String> leftOut = new LinkedHashMap<>();
        for (String alarm : resources.idsOfType("AWS::CloudWatch::Alarm")) {
            if (resources.properties(alarm).has("Metrics")) {
                leftOut.put(alarm, "a metric-math alarm, which the emulator's CloudFormation cannot create");
            }
        }
        ((ObjectNode) template.get("Resources")).remove(leftOut.keySet());
        return leftOut;
    }
}
