package com.example.shop.notification.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.StockUnavailable;

/**
 * The part a customer message plays in the story of its order, which decides whether it may still
 * be sent: the final-message rule of decision record 0002.
 *
 * <p>Every terminal outcome of an order has exactly one <em>final</em> message: shipped → "on its
 * way" ({@code ShipmentScheduled}); rejected → {@code StockUnavailable}; declined →
 * {@code PaymentDeclined}; failed for good → {@code PaymentFailed}; cancelled →
 * {@code OrderCancelled}; shipment failed → {@code ShipmentFailed}. The final messages of the
 * outcomes in which the order does not go ahead {@link #CLOSES close} the order: from then on no
 * {@link #PROGRESS} message is sent for it, so "on its way" is never the last word on an order
 * that was cancelled. "On its way" itself is the final message of a shipped order but plays a
 * progress message's part: a late one must not follow a cancellation.
 */
public enum MessageKind {

    /** {@code OrderPlaced}: the first message; it carries the address every later message goes to. */
    OPENS,

    /** {@code PaymentCharged}, {@code ShipmentScheduled}: sent only while the order is not closed. */
    PROGRESS,

    /**
     * {@code StockUnavailable}, {@code PaymentDeclined}, {@code PaymentFailed}, {@code OrderCancelled},
     * {@code ShipmentFailed}: the final message of an order that does not go ahead; the first one
     * closes the order, and any other final message after it is not sent.
     */
    CLOSES,

    /** {@code PaymentRefunded}: a compensation note; it agrees with the final message and may follow it. */
    NOTE;

    /**
     * The part a customer-facing event's message plays.
     *
     * @throws IllegalArgumentException when customers hear nothing of the event
     */
    public static MessageKind of(DomainEvent event) {
        return switch (event) {
            case OrderPlaced _ -> OPENS;
            case PaymentCharged _, ShipmentScheduled _ -> PROGRESS;
            case StockUnavailable _, PaymentDeclined _, PaymentFailed _, OrderCancelled _, ShipmentFailed _ -> CLOSES;
            case PaymentRefunded _ -> NOTE;
            default -> throw new IllegalArgumentException(
                    event.getClass().getSimpleName() + " is not a customer-facing event");
        };
    }
}
