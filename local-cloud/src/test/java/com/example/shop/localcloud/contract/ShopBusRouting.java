package com.example.shop.localcloud.contract;

import com.example.shop.events.EventEnvelope;
import com.example.shop.localcloud.deploy.SamTemplateTranslator;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.event.ruler.Machine;

/**
 * The shop bus's routing as a CloudFormation template (the SAM transform's output) declares it:
 * every rule with its event pattern, and for each of the rule's targets the consumer that
 * finally gets the event.
 *
 * <p>A consumer is named by the logical id of what handles the event: for a queue target, the
 * function whose SQS event source mapping reads that queue (through its alias); for a log group
 * (the event journal) or any other target, the target itself. A queue no function reads is its
 * own consumer, so an unconsumed queue shows up under its own name.
 *
 * <p>Matching uses Event Ruler, the library EventBridge's own rule matching is built on. Besides
 * the routing contract, the in-memory saga routes its events with it, so both follow the template.
 */
public final class ShopBusRouting {

    /** The logical id of the shop's event bus. */
    static final String SHOP_BUS = "ShopEventBus";

    /**
     * One rule of the template.
     *
     * @param logicalId  the rule's logical id
     * @param busId      the logical id of the bus it listens on, or {@code "default"} without {@code EventBusName}
     * @param pattern    the event pattern as JSON
     * @param consumers  who its targets finally deliver to
     */
    record Rule(String logicalId, String busId, String pattern, List<String> consumers) {
    }

    /** The routing of the contract template, translated once for every test that asks. */
    private static ShopBusRouting contractTemplateRouting;

    private final JsonNode resources;
    private final List<Rule> rules;
    private final Machine machine;

    private ShopBusRouting(JsonNode template) {
        this.resources = template.path("Resources");
        List<Rule> found = new ArrayList<>();
        resources.properties().forEach(entry -> {
            JsonNode properties = entry.getValue().path("Properties");
            // a rule without a pattern runs on a schedule and receives no events
            if (typeOf(entry.getKey()).equals("AWS::Events::Rule") && properties.has("EventPattern")) {
                found.add(rule(entry.getKey(), properties));
            }
        });
        this.rules = List.copyOf(found);
        this.machine = Machine.builder().build();
        for (Rule rule : rules) {
            if (rule.busId().equals(SHOP_BUS)) {
                try {
                    machine.addRule(rule.logicalId(), rule.pattern());
                } catch (Exception e) {
                    throw new IllegalArgumentException("Event Ruler cannot compile the pattern of " + rule.logicalId()
                            + ": " + rule.pattern(), e);
                }
            }
        }
    }

    /** The routing of a translated (plain CloudFormation) template. */
    static ShopBusRouting of(JsonNode cloudFormationTemplate) {
        return new ShopBusRouting(cloudFormationTemplate);
    }

    /**
     * The routing of {@code infra/template.yaml} (or of the template {@code -Dcontract.template}
     * names) as the SAM transform expands it.
     */
    public static synchronized ShopBusRouting ofContractTemplate() {
        if (contractTemplateRouting == null) {
            contractTemplateRouting = of(new SamTemplateTranslator(PythonEnvironment.locate().ensureReady())
                    .translate(ContractTemplate.path(), Map.of()));
        }
        return contractTemplateRouting;
    }

    /** The properties of one resource of the template (missing if there is none of that id). */
    JsonNode properties(String logicalId) {
        return resources.path(logicalId).path("Properties");
    }

    /** Every event-matching {@code AWS::Events::Rule} of the template, on whichever bus. */
    List<Rule> rules() {
        return rules;
    }

    /** Every consumer some rule on the shop bus delivers to. */
    Set<String> consumers() {
        return rules.stream().filter(rule -> rule.busId().equals(SHOP_BUS))
                .flatMap(rule -> rule.consumers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The consumers an event on the shop bus reaches: those of every rule whose pattern matches it. */
    Set<String> consumersOf(String eventBridgeEvent) {
        return new TreeSet<>(deliveriesOf(eventBridgeEvent));
    }

    /**
     * Where a shop event, published on the shop bus, is delivered: one consumer per target of every
     * rule that matches it, in template order. A consumer that two rules reach is named twice, as
     * EventBridge delivers the event once per rule.
     */
    public List<String> deliveriesOf(EventEnvelope<?> published) {
        return deliveriesOf(DeliveredEvent.of(published));
    }

    private List<String> deliveriesOf(String eventBridgeEvent) {
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(eventBridgeEvent);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an event Event Ruler can read: " + eventBridgeEvent, e);
        }
        Set<String> matching = Set.copyOf(matched);
        return rules.stream().filter(rule -> matching.contains(rule.logicalId()))
                .flatMap(rule -> rule.consumers().stream())
                .toList();
    }

    private Rule rule(String logicalId, JsonNode properties) {
        JsonNode busName = properties.path("EventBusName");
        String busId = busName.isMissingNode() ? "default" : referencedId(busName);
        List<String> consumers = new ArrayList<>();
        properties.path("Targets").forEach(target -> consumers.addAll(consumersOfTarget(target.path("Arn"))));
        return new Rule(logicalId, busId, properties.path("EventPattern").toString(), List.copyOf(consumers));
    }

    private List<String> consumersOfTarget(JsonNode arn) {
        String target = referencedId(arn);
        return switch (typeOf(target)) {
            case "AWS::SQS::Queue" -> {
                Set<String> functions = new LinkedHashSet<>();
                resources.properties().forEach(entry -> {
                    JsonNode mapping = entry.getValue().path("Properties");
                    if (typeOf(entry.getKey()).equals("AWS::Lambda::EventSourceMapping")
                            && target.equals(referencedId(mapping.path("EventSourceArn")))) {
                        functions.add(functionOf(referencedId(mapping.path("FunctionName"))));
                    }
                });
                yield functions.isEmpty() ? List.of(target) : List.copyOf(functions);
            }
            case "AWS::Lambda::Alias", "AWS::Lambda::Version" -> List.of(functionOf(target));
            default -> List.of(target);
        };
    }

    /** The function behind a function, alias or version resource. */
    private String functionOf(String logicalId) {
        return switch (typeOf(logicalId)) {
            case "AWS::Lambda::Alias", "AWS::Lambda::Version" ->
                    functionOf(referencedId(resources.path(logicalId).path("Properties").path("FunctionName")));
            default -> logicalId;
        };
    }

    private String typeOf(String logicalId) {
        return resources.path(logicalId).path("Type").asText("");
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} names; a literal value stands for itself. */
    private static String referencedId(JsonNode value) {
        if (value.has("Ref")) {
            return value.get("Ref").asText();
        }
        JsonNode getAtt = value.path("Fn::GetAtt");
        if (getAtt.isArray()) {
            return getAtt.get(0).asText();
        }
        if (getAtt.isTextual()) {
            return getAtt.asText().split("\\.", 2)[0];
        }
        return value.toString();
    }
}
