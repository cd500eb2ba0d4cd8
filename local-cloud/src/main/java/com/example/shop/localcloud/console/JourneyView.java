package com.example.shop.localcloud.console;

import com.example.shop.localcloud.journey.Hop;
import com.example.shop.localcloud.journey.Timeline;
import com.example.shop.localcloud.model.LocalSystem;
import com.example.shop.localcloud.model.SqsSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One order's journey as the console's sequence diagram draws it: lanes for the client, each
 * service and the bus, and one arrow per hop (client → service for a request, service → bus for
 * a publication, bus → queue → function for a delivery, a dead-lettering into a DLQ), with the
 * compensating steps marked.
 *
 * <p>A hop's service is its function's {@code POWERTOOLS_SERVICE_NAME} from the template, or the
 * event's {@code source} ({@code shop.orders} belongs to {@code order}); its queue is the one the
 * function's event source mapping reads.
 */
public final class JourneyView {

    /** The lanes in the order the diagram draws them; only those a journey uses appear. */
    static final List<String> LANES = List.of("client", "order", "bus", "inventory", "payment", "shipping",
            "notification", "catalog");

    /** The functions that undo an earlier step of the saga, and the events that say it was undone. */
    static final Set<String> COMPENSATING_FUNCTIONS = Set.of("ReleaseStockFunction", "RefundPaymentFunction",
            "CancelShipmentFunction");
    static final Set<String> COMPENSATION_EVENTS = Set.of("StockReleased", "PaymentRefunded", "ShipmentCancelled");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> serviceOfFunction = new TreeMap<>();
    private final Map<String, String> queueOfFunction = new TreeMap<>();
    private final Map<String, String> queueByName = new TreeMap<>();

    /** Reads the lanes and queues of every function from the deployed system. */
    public JourneyView(LocalSystem system) {
        system.functions().forEach((id, function) -> serviceOfFunction.put(id,
                function.environment().getOrDefault("POWERTOOLS_SERVICE_NAME", "unknown")));
        // by name: the emulator may spell a queue's URL differently in the stack and in the mapping
        system.resources().forEach((logicalId, physical) -> queueByName.put(nameIn(physical), logicalId));
        for (SqsSource source : system.sqsSources()) {
            String name = nameIn(source.queueUrl());
            queueOfFunction.put(source.functionLogicalId(), queueByName.getOrDefault(name, name));
        }
    }

    /**
     * The journey as JSON: {@code orderId, correlationIds, lanes, hops, readsLeftOut}; requests that
     * only read the order ({@code GET}) are counted, not drawn.
     */
    public ObjectNode toJson(Timeline timeline) {
        ObjectNode root = JSON.createObjectNode().put("orderId", timeline.orderId());
        ArrayNode correlationIds = root.putArray("correlationIds");
        timeline.correlationIds().forEach(correlationIds::add);
        Set<String> used = new LinkedHashSet<>();
        ArrayNode hops = JSON.createArrayNode();
        Instant start = timeline.hops().isEmpty() ? Instant.EPOCH : timeline.hops().getFirst().at();
        int n = 0;
        int reads = 0;
        for (Hop hop : timeline.hops()) {
            if (isRead(hop)) {
                reads++;
                continue;
            }
            ObjectNode arrow = arrow(hop);
            arrow.put("n", ++n).put("at", hop.at().toString())
                    .put("offsetMs", Duration.between(start, hop.at()).toMillis())
                    .put("kind", hop.kind().name()).put("actor", hop.actor()).put("eventType", hop.eventType())
                    .put("eventId", hop.eventId()).put("causationId", hop.causationId())
                    .put("correlationId", hop.correlationId()).put("outcome", hop.outcome());
            if (hop.duration() != null) {
                arrow.put("durationMs", hop.duration().toMillis());
            }
            arrow.put("compensation", COMPENSATING_FUNCTIONS.contains(hop.actor())
                    || COMPENSATION_EVENTS.contains(hop.eventType()));
            arrow.put("failed", isFailure(hop));
            used.add(arrow.get("from").asText());
            used.add(arrow.get("to").asText());
            hops.add(arrow);
        }
        ArrayNode lanes = root.putArray("lanes");
        LANES.stream().filter(used::contains).forEach(lanes::add);
        used.stream().filter(lane -> !LANES.contains(lane)).forEach(lanes::add);
        root.set("hops", hops);
        root.put("readsLeftOut", reads);
        return root;
    }

    private ObjectNode arrow(Hop hop) {
        ObjectNode arrow = JSON.createObjectNode();
        switch (hop.kind()) {
            case REQUEST -> arrow.put("from", "client").put("to", serviceOf(hop.actor()))
                    .put("label", hop.eventType()).put("function", hop.actor())
                    .put("detail", hop.actor() + " answered " + hop.outcome());
            case PUBLISHED -> arrow.put("from", serviceOfSource(hop.actor())).put("to", "bus")
                    .put("label", hop.eventType()).put("detail", "published by " + hop.actor());
            case HANDLED -> {
                String queue = queueOfFunction.getOrDefault(hop.actor(), "?");
                arrow.put("from", "bus").put("to", serviceOf(hop.actor())).put("label", hop.eventType())
                        .put("queue", queue).put("function", hop.actor())
                        .put("detail", queue + " → " + hop.actor() + ("FAILED".equals(hop.outcome()) ? " (failed)" : ""));
            }
            case DEAD_LETTERED -> {
                String dlq = queueByName.getOrDefault(hop.actor(), hop.actor());
                String from = hop.outcome() == null ? "" : hop.outcome().replaceFirst("^from ", "");
                String consumer = queueOfFunction.entrySet().stream()
                        .filter(e -> e.getValue().equals(queueByName.getOrDefault(from, from)))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                arrow.put("from", "bus").put("to", consumer == null ? "bus" : serviceOf(consumer))
                        .put("label", hop.eventType() + " dead-lettered").put("queue", dlq)
                        .put("detail", queueByName.getOrDefault(from, from) + " → " + dlq);
            }
        }
        return arrow;
    }

    private String serviceOf(String function) {
        return serviceOfFunction.getOrDefault(function, "unknown");
    }

    /** {@code shop.orders} → {@code order}: the service whose name the source's begins with. */
    private String serviceOfSource(String source) {
        String name = source.startsWith("shop.") ? source.substring("shop.".length()) : source;
        return serviceOfFunction.values().stream().distinct().filter(name::startsWith).findFirst().orElse(name);
    }

    /**
     * A {@code GET} about the order: it changes nothing, and the console's own polling of the
     * order's status would otherwise draw itself into the diagram.
     */
    private static boolean isRead(Hop hop) {
        return hop.kind() == Hop.Kind.REQUEST && hop.eventType() != null && hop.eventType().startsWith("GET ");
    }

    private static boolean isFailure(Hop hop) {
        return switch (hop.kind()) {
            case DEAD_LETTERED -> true;
            case HANDLED -> "FAILED".equals(hop.outcome());
            case REQUEST -> hop.outcome() != null && hop.outcome().startsWith("5");
            case PUBLISHED -> false;
        };
    }

    private static String nameIn(String urlOrArn) {
        int slash = Math.max(urlOrArn.lastIndexOf('/'), urlOrArn.lastIndexOf(':'));
        return urlOrArn.substring(slash + 1);
    }
}
