package com.example.shop.order.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;

import java.util.Optional;

/**
 * What another service's event means for an order: progress along the happy path, a failure that
 * ends the saga, or a compensation that is recorded without changing the status.
 */
public sealed interface SagaStep {

    /** The event's type name, as written to the history. */
    String event();

    /** Moves the order forward to {@code to} (never backwards). */
    record Progress(OrderStatus to, String event) implements SagaStep {
    }

    /**
     * Ends an open order in {@code to}, with the reason, as long as the order is still behind
     * {@code before}. Queues do not keep order, so a failure may overtake the progress announced
     * before it; it ends the order all the same, and that progress, arriving later, is stale because
     * the failure is final. Stock and payment failures end an order not yet PAID; a shipment failure,
     * which only ever follows a charge, an order not yet SHIPPED.
     */
    record Failure(OrderStatus to, String event, String reason, OrderStatus before) implements SagaStep {
    }

    /** A compensation (stock released, payment refunded, shipment withdrawn), recorded once. */
    record Compensation(String event) implements SagaStep {
    }

    /** The step an event stands for, or empty for events the order's status does not follow. */
    static Optional<SagaStep> of(DomainEvent event) {
        return Optional.ofNullable(switch (event) {
            case StockReserved e -> new Progress(OrderStatus.RESERVED, "StockReserved");
            case PaymentCharged e -> new Progress(OrderStatus.PAID, "PaymentCharged");
            case ShipmentScheduled e -> new Progress(OrderStatus.SHIPPED, "ShipmentScheduled");
            case StockUnavailable e -> new Failure(OrderStatus.REJECTED, "StockUnavailable", "out of stock",
                    OrderStatus.PAID);
            case PaymentDeclined e -> new Failure(OrderStatus.PAYMENT_FAILED, "PaymentDeclined", e.reason(),
                    OrderStatus.PAID);
            case PaymentFailed e -> new Failure(OrderStatus.PAYMENT_FAILED, "PaymentFailed", e.reason(),
                    OrderStatus.PAID);
            // Shipping refuses only after a charge, so a PENDING or RESERVED order has merely not
            // heard of the reservation and the charge yet: the refusal ends it all the same.
            case ShipmentFailed e -> new Failure(OrderStatus.SHIPMENT_FAILED, "ShipmentFailed", e.reason(),
                    OrderStatus.SHIPPED);
            case StockReleased e -> new Compensation("StockReleased");
            case PaymentRefunded e -> new Compensation("PaymentRefunded");
            case ShipmentCancelled e -> new Compensation("ShipmentCancelled");
            default -> null;
        });
    }
}
