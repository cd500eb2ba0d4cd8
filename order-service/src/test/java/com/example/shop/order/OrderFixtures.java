package com.example.shop.order;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.Money;
import com.example.shop.events.OrderLine;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.ShipmentCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.ShippingAddress;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.order.domain.PlaceOrderCommand;
import com.example.shop.order.domain.SagaStep;
import com.example.shop.order.testing.InMemoryPriceList;
import com.example.shop.platform.testing.SequentialIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Orders, commands and saga events with realistic values, shared by the order service's tests. */
public final class OrderFixtures {

    public static final OrderId ORDER_ID = new OrderId("5f0c6a52-7d1e-4b8a-9c3f-2e4d6b8a0c1e");
    public static final String CUSTOMER = "c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17";
    public static final String OTHER_CUSTOMER = "9d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    public static final String EMAIL = "erika.mustermann@example.com";
    public static final String PAYMENT_METHOD = "pm-card-visa";
    public static final String CORRELATION_ID = "corr-erika-1";
    public static final String REQUEST_ID = "JtU9zhb4FiAEMZw=";
    public static final String BEANS = "prod-espresso-beans-1kg";
    public static final String MUG = "prod-ceramic-mug-350ml";
    public static final Instant PLACED_AT = Instant.parse("2026-11-27T10:00:00Z");
    public static final String NO_CARRIER = "no carrier delivers to this destination";

    private OrderFixtures() {
    }

    public static Money euros(long cents) {
        return new Money(cents, "EUR");
    }

    public static ShippingAddress address() {
        return new ShippingAddress("Erika Mustermann", "Hauptstraße 5", null, "Berlin", "10115", "DE");
    }

    /** Two beans at 18.90 and one mug at 12.50: 50.30 EUR. */
    public static List<OrderLine> lines() {
        return List.of(new OrderLine(BEANS, 2, euros(1890)), new OrderLine(MUG, 1, euros(1250)));
    }

    /** A price table that sells the beans and the mug. */
    public static InMemoryPriceList prices() {
        return new InMemoryPriceList().with(BEANS, euros(1890)).with(MUG, euros(1250));
    }

    /** Erika's freshly placed order {@link #ORDER_ID}. */
    public static Order placedOrder() {
        return placedOrder(ORDER_ID, CUSTOMER);
    }

    public static Order placedOrder(OrderId id, String customer) {
        return Order.place(id, customer, EMAIL, lines(), address(), PAYMENT_METHOD, CORRELATION_ID, REQUEST_ID,
                "fingerprint", PLACED_AT);
    }

    /** Erika's order brought to {@code status} along the way a real saga would take it there. */
    public static Order orderIn(OrderStatus status) {
        Order placed = placedOrder();
        Instant at = PLACED_AT.plusSeconds(1);
        return switch (status) {
            case PENDING -> placed;
            case RESERVED -> advance(placed, new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), 1);
            case PAID -> advance(orderIn(OrderStatus.RESERVED),
                    new SagaStep.Progress(OrderStatus.PAID, "PaymentCharged"), 2);
            case SHIPPED -> advance(orderIn(OrderStatus.PAID),
                    new SagaStep.Progress(OrderStatus.SHIPPED, "ShipmentScheduled"), 3);
            case REJECTED -> advance(placed,
                    new SagaStep.Failure(OrderStatus.REJECTED, "StockUnavailable", "out of stock",
                            OrderStatus.PAID), 1);
            case PAYMENT_FAILED -> advance(orderIn(OrderStatus.RESERVED),
                    new SagaStep.Failure(OrderStatus.PAYMENT_FAILED, "PaymentDeclined", "card expired",
                            OrderStatus.PAID), 2);
            case SHIPMENT_FAILED -> advance(orderIn(OrderStatus.PAID), new SagaStep.Failure(OrderStatus.SHIPMENT_FAILED,
                    "ShipmentFailed", NO_CARRIER, OrderStatus.SHIPPED), 3);
            case CANCELLED -> switch (placed.cancel("changed my mind", "cancel-request", at)) {
                case Order.CancelOutcome.Cancelled cancelled -> cancelled.order();
                case Order.CancelOutcome.NotCancellable refused -> throw new IllegalStateException("" + refused);
            };
        };
    }

    private static Order advance(Order order, SagaStep step, int n) {
        return order.advance(step, SequentialIds.id(900 + n), PLACED_AT.plusSeconds(n))
                .orElseThrow(() -> new IllegalStateException(step + " did not apply to " + order.status()));
    }

    /** Erika's request for two beans and a mug. */
    public static PlaceOrderCommand command(String idempotencyKey) {
        return command(List.of(new PlaceOrderCommand.RequestedLine(BEANS, 2), new PlaceOrderCommand.RequestedLine(MUG, 1)),
                idempotencyKey);
    }

    public static PlaceOrderCommand command(List<PlaceOrderCommand.RequestedLine> lines, String idempotencyKey) {
        return new PlaceOrderCommand(CUSTOMER, EMAIL, lines, address(), PAYMENT_METHOD, idempotencyKey, REQUEST_ID,
                CORRELATION_ID);
    }

    public static PlaceOrderCommand.RequestedLine line(String productId, int quantity) {
        return new PlaceOrderCommand.RequestedLine(productId, quantity);
    }

    // Saga events about ORDER_ID, as the other services announce them.

    public static EventEnvelope<StockReserved> stockReserved(String eventId) {
        return envelope(new StockReserved(ORDER_ID.value(), CUSTOMER,
                List.of(new ReservedLine(BEANS, 2), new ReservedLine(MUG, 1)), euros(5030), PAYMENT_METHOD, address()),
                eventId);
    }

    public static EventEnvelope<StockUnavailable> stockUnavailable(String eventId) {
        return envelope(new StockUnavailable(ORDER_ID.value(), CUSTOMER, List.of(new UnavailableLine(BEANS, 2, 1))),
                eventId);
    }

    public static EventEnvelope<StockReleased> stockReleased(String eventId) {
        return envelope(new StockReleased(ORDER_ID.value(), CUSTOMER, List.of(new ReservedLine(BEANS, 2)),
                "order cancelled"), eventId);
    }

    public static EventEnvelope<PaymentCharged> paymentCharged(String eventId) {
        return envelope(new PaymentCharged(ORDER_ID.value(), CUSTOMER, "pay-123", euros(5030), address()), eventId);
    }

    public static EventEnvelope<PaymentDeclined> paymentDeclined(String eventId, String reason) {
        return envelope(new PaymentDeclined(ORDER_ID.value(), CUSTOMER, euros(5030), reason), eventId);
    }

    public static EventEnvelope<PaymentFailed> paymentFailed(String eventId) {
        return envelope(new PaymentFailed(ORDER_ID.value(), CUSTOMER, "provider timed out"), eventId);
    }

    public static EventEnvelope<PaymentRefunded> paymentRefunded(String eventId) {
        return envelope(new PaymentRefunded(ORDER_ID.value(), CUSTOMER, "ref-456", euros(5030)), eventId);
    }

    public static EventEnvelope<ShipmentScheduled> shipmentScheduled(String eventId) {
        return envelope(new ShipmentScheduled(ORDER_ID.value(), CUSTOMER, "shp-1", "DHL", "JJD0001",
                LocalDate.of(2026, 12, 1)), eventId);
    }

    public static EventEnvelope<ShipmentFailed> shipmentFailed(String eventId) {
        return envelope(new ShipmentFailed(ORDER_ID.value(), CUSTOMER, NO_CARRIER), eventId);
    }

    public static EventEnvelope<ShipmentCancelled> shipmentCancelled(String eventId) {
        return envelope(new ShipmentCancelled(ORDER_ID.value(), CUSTOMER, "shp-1", "DHL"), eventId);
    }

    private static <T extends DomainEvent> EventEnvelope<T> envelope(T data, String eventId) {
        return EventEnvelope.of(data, eventId, PLACED_AT.plusSeconds(30), CORRELATION_ID, SequentialIds.id(999));
    }
}
