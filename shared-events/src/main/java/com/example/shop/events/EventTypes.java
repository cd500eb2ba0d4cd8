package com.example.shop.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry of every event type and version the shop speaks, written out by hand so that
 * adding an event is a visible, reviewed change to the contract.
 *
 * <p>A type name is the record's simple name and the EventBridge {@code detail-type}. When an
 * event changes incompatibly, the new shape gets a new version registered here beside the old
 * one; consumers keep reading both, and producers write {@link #currentVersionOf(Class)}.
 */
public final class EventTypes {

    /**
     * One entry of the registry: a type name and version, and the record that carries it.
     *
     * @param eventType the {@code detail-type}
     * @param eventVersion the schema version
     * @param javaType the record class
     */
    public record Registration(String eventType, int eventVersion, Class<? extends DomainEvent> javaType) {

        public Registration {
            Checks.nonBlank(eventType, "eventType");
            Checks.atLeast(eventVersion, 1, "eventVersion");
            Checks.present(javaType, "javaType");
        }
    }

    private static final List<Registration> ALL = List.of(
            new Registration("OrderPlaced", 1, OrderPlaced.class),
            new Registration("OrderCancelled", 1, OrderCancelled.class),
            new Registration("StockReserved", 1, StockReserved.class),
            new Registration("StockUnavailable", 1, StockUnavailable.class),
            new Registration("StockReleased", 1, StockReleased.class),
            new Registration("PaymentCharged", 1, PaymentCharged.class),
            new Registration("PaymentDeclined", 1, PaymentDeclined.class),
            new Registration("PaymentFailed", 1, PaymentFailed.class),
            new Registration("PaymentRefunded", 1, PaymentRefunded.class),
            new Registration("ShipmentScheduled", 1, ShipmentScheduled.class),
            new Registration("ShipmentFailed", 1, ShipmentFailed.class),
            new Registration("ShipmentCancelled", 1, ShipmentCancelled.class),
            new Registration("ProductCreated", 1, ProductCreated.class),
            new Registration("ProductPriceChanged", 1, ProductPriceChanged.class),
            new Registration("ProductDiscontinued", 1, ProductDiscontinued.class));

    private record Key(String eventType, int eventVersion) {
    }

    private static final Map<Key, Class<? extends DomainEvent>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(
                    r -> new Key(r.eventType(), r.eventVersion()), Registration::javaType));

    private static final Map<Class<? extends DomainEvent>, Registration> CURRENT = currentRegistrations();

    private static final Set<String> TYPE_NAMES =
            ALL.stream().map(Registration::eventType).collect(Collectors.toUnmodifiableSet());

    private EventTypes() {
    }

    /** Every registered type and version. */
    public static List<Registration> all() {
        return ALL;
    }

    /** The record for a type and version, or empty when this build does not know it. */
    public static Optional<Class<? extends DomainEvent>> lookup(String eventType, int eventVersion) {
        return Optional.ofNullable(BY_KEY.get(new Key(eventType, eventVersion)));
    }

    /** Whether any version of the type is registered. */
    public static boolean isKnown(String eventType) {
        return TYPE_NAMES.contains(eventType);
    }

    /** The type name ({@code detail-type}) that a record is published under. */
    public static String eventTypeOf(Class<? extends DomainEvent> javaType) {
        return current(javaType).eventType();
    }

    /** The version that producers write for a record. */
    public static int currentVersionOf(Class<? extends DomainEvent> javaType) {
        return current(javaType).eventVersion();
    }

    private static Registration current(Class<? extends DomainEvent> javaType) {
        Registration registration = CURRENT.get(javaType);
        if (registration == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not registered in EventTypes");
        }
        return registration;
    }

    private static Map<Class<? extends DomainEvent>, Registration> currentRegistrations() {
        Map<Class<? extends DomainEvent>, Registration> current = new HashMap<>();
        for (Registration registration : ALL) {
            current.merge(registration.javaType(), registration,
                    (a, b) -> a.eventVersion() >= b.eventVersion() ? a : b);
        }
        return Map.copyOf(current);
    }
}
