package com.example.shop.localcloud.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One order's journey across services, in causal order: each event after the hop that caused it,
 * then by time. Rendered as text lines or as a Mermaid sequence diagram.
 *
 * @param orderId        the order
 * @param correlationIds the correlation id(s) its hops carry (one, unless something is wrong)
 * @param hops           the hops, in causal order
 */
public record Timeline(String orderId, Set<String> correlationIds, List<Hop> hops) {

    public Timeline {
        correlationIds = Set.copyOf(correlationIds);
        hops = List.copyOf(hops);
    }

    /** Joins what the runtime recorded with what the journal says was published. */
    public static Timeline of(String orderId, JourneyRecorder recorder, EventJournal journal) {
        List<Hop> published = journal.published(orderId);
        Set<String> correlationIds = new LinkedHashSet<>(recorder.correlationIdsOf(orderId));
        published.forEach(hop -> correlationIds.add(hop.correlationId()));
        List<Hop> all = new ArrayList<>(recorder.hopsOf(correlationIds, orderId));
        for (String correlationId : correlationIds) {
            for (Hop hop : journal.published(correlationId)) {
                if (all.stream().noneMatch(h -> h.kind() == Hop.Kind.PUBLISHED && h.eventId().equals(hop.eventId()))) {
                    all.add(hop);
                }
            }
        }
        return new Timeline(orderId, correlationIds, causalOrder(all));
    }

    /**
     * Time order, corrected by causation: a hop never comes before the publication of the event it
     * handles or the hop that caused the event it publishes (clocks of different hosts disagree).
     */
    static List<Hop> causalOrder(List<Hop> hops) {
        List<Hop> byTime = new ArrayList<>(hops);
        byTime.sort(Comparator.comparing(Hop::at).thenComparing(h -> h.kind().ordinal()));
        List<Hop> ordered = new ArrayList<>();
        // By identity: two hops can be equal records (the same step recorded twice), and each must be placed.
        Set<Hop> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (ordered.size() < byTime.size()) {
            boolean progressed = false;
            for (Hop hop : byTime) {
                if (!placed.contains(hop) && causesPlaced(hop, byTime, placed)) {
                    ordered.add(hop);
                    placed.add(hop);
                    progressed = true;
                    break;
                }
            }
            if (!progressed) {
                byTime.stream().filter(h -> !placed.contains(h)).findFirst().ifPresent(h -> {
                    ordered.add(h);
                    placed.add(h);
                });
            }
        }
        return ordered;
    }

    private static boolean causesPlaced(Hop hop, List<Hop> all, Set<Hop> placed) {
        for (Hop other : all) {
            if (other == hop || placed.contains(other)) {
                continue;
            }
            boolean publicationOfHandledEvent = hop.kind() != Hop.Kind.PUBLISHED && other.kind() == Hop.Kind.PUBLISHED
                    && other.eventId().equals(hop.eventId());
            boolean handlingOfCause = hop.kind() == Hop.Kind.PUBLISHED && other.kind() != Hop.Kind.PUBLISHED
                    && other.eventId().equals(hop.causationId());
            if (publicationOfHandledEvent || handlingOfCause) {
                return false;
            }
        }
        return true;
    }

    /** One line per hop: time offset, what happened, who, which event, outcome. */
    public String text() {
        StringBuilder out = new StringBuilder("Journey of order " + orderId + " (correlation id "
                + String.join(", ", correlationIds) + ")\n");
        Instant start = hops.isEmpty() ? Instant.EPOCH : hops.getFirst().at();
        for (Hop hop : hops) {
            out.append(String.format("%+8d ms  %-13s %-28s %-18s %s%s%n",
                    Duration.between(start, hop.at()).toMillis(), hop.kind(), hop.actor(), hop.eventType(),
                    hop.outcome() == null ? "" : hop.outcome(),
                    hop.duration() == null ? "" : " (" + hop.duration().toMillis() + " ms)"));
        }
        return out.toString();
    }

    /** The journey as a Mermaid sequence diagram: client, functions and the bus as participants. */
    public String mermaid() {
        Map<String, String> aliases = new LinkedHashMap<>();
        StringBuilder arrows = new StringBuilder();
        for (Hop hop : hops) {
            String actor = alias(aliases, hop.actor());
            switch (hop.kind()) {
                case REQUEST -> arrows.append("    Client->>").append(actor).append(": ").append(hop.eventType())
                        .append(" (").append(hop.outcome()).append(")\n");
                case PUBLISHED -> arrows.append("    ").append(actor).append("->>Bus: ").append(hop.eventType()).append('\n');
                case HANDLED -> arrows.append("    Bus->>").append(actor).append(": ").append(hop.eventType())
                        .append("FAILED".equals(hop.outcome()) ? " (failed)" : "").append('\n');
                case DEAD_LETTERED -> arrows.append("    Bus-x").append(actor).append(": ").append(hop.eventType())
                        .append(" dead-lettered\n");
            }
        }
        StringBuilder out = new StringBuilder("sequenceDiagram\n    participant Client\n");
        aliases.forEach((name, alias) -> {
            if (!"Bus".equals(alias)) {
                out.append("    participant ").append(alias).append(alias.equals(name) ? "" : " as " + name).append('\n');
            }
        });
        out.append("    participant Bus as shop-events bus\n");
        return out.append(arrows).toString();
    }

    private static String alias(Map<String, String> aliases, String actor) {
        return aliases.computeIfAbsent(actor, a -> a.replaceAll("[^A-Za-z0-9]", "_"));
    }
}
