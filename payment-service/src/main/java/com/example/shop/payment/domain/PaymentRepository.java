package com.example.shop.payment.domain;

import java.util.Optional;

/**
 * The payments of all orders, one per order id: the record that makes charging idempotent.
 *
 * <p>Every write is conditional. {@link #create} succeeds only when the order has no payment yet;
 * {@link #replace} only when the stored payment is still in the state the caller read. A
 * {@code false} answer means another delivery or another function got there first: the caller
 * reads again and decides anew. Storage failures are thrown, so the message is retried.
 */
public interface PaymentRepository {

    /** The payment of an order, if payment has heard of the order at all. */
    Optional<Payment> find(String orderId);

    /** Stores the first state of an order's payment; {@code false} when the order already has one. */
    boolean create(Payment payment);

    /**
     * Moves a payment from the state it was read in to its next state; {@code false} when the
     * stored payment is no longer in {@code current}'s state.
     */
    boolean replace(Payment current, Payment next);
}
