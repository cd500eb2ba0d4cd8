package com.example.shop.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Valid events with realistic values, for tests that need one without caring about its content.
 */
public final class SampleEvents {

    public static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";
    public static final String CUSTOMER_ID = "c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17";
    public static final String REQUEST_ID = "JtU9zhb4FiAEMZw=";
    public static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");

    private SampleEvents() {
    }

    public static Money euros(long cents) {
        return new Money(cents, "EUR");
    }

    public static ShippingAddress address() {
        return new ShippingAddress("Erika Mustermann", "Hauptstraße 5", null, "Berlin", "10115", "DE");
    }

    public static OrderPlaced orderPlaced() {
        return new OrderPlaced(ORDER_ID, CUSTOMER_ID, "erika.mustermann@example.com",
                List.of(new OrderLine("prod-espresso-beans-1kg", 2, euros(1890)),
                        new OrderLine("prod-ceramic-mug-350ml", 1, euros(1250))),
                euros(5030), address(), "pm-ref-7Hq2kLx9");
    }

    public static StockReserved stockReserved() {
        return new StockReserved(ORDER_ID, CUSTOMER_ID,
                List.of(new ReservedLine("prod-espresso-beans-1kg", 2), new ReservedLine("prod-ceramic-mug-350ml", 1)),
                euros(5030), "pm-ref-7Hq2kLx9", address());
    }

    public static StockUnavailable stockUnavailable() {
        return new StockUnavailable(ORDER_ID, CUSTOMER_ID, List.of(new UnavailableLine("prod-espresso-beans-1kg", 2, 1)));
    }

    public static ShipmentScheduled shipmentScheduled() {
        return new ShipmentScheduled(ORDER_ID, CUSTOMER_ID, "shp-2f7e9a41c3", "DHL", "JJD000390007805221913",
                LocalDate.of(2026, 12, 1));
    }

    public static ShipmentFailed shipmentFailed() {
        return new ShipmentFailed(ORDER_ID, CUSTOMER_ID, "no carrier delivers to AQ");
    }

    public static ShipmentCancelled shipmentCancelled() {
        return new ShipmentCancelled(ORDER_ID, CUSTOMER_ID, "shp-2f7e9a41c3", "DHL");
    }

    public static OrderCancelled orderCancelled(String reason) {
        return new OrderCancelled(ORDER_ID, CUSTOMER_ID, reason);
    }

    /** A root envelope around the data, with the given event id. */
    public static <T extends DomainEvent> EventEnvelope<T> envelope(T data, String eventId) {
        return EventEnvelope.of(data, eventId, NOW, REQUEST_ID, REQUEST_ID);
    }

    /** A syntactically valid event id whose last digits are {@code n}, easy to recognise in failures. */
    public static String eventId(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }
}
