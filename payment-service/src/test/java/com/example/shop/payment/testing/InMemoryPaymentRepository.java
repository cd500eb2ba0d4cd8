package com.example.shop.payment.testing;

import com.example.shop.payment.domain.Payment;
import com.example.shop.payment.domain.PaymentRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payments of all orders, in memory, one per order id, with the same conditional-write rules
 * as the DynamoDB adapter ({@link PaymentRepositoryContract}): a payment is replaced only while it
 * is still in the state the caller read.
 */
public final class InMemoryPaymentRepository implements PaymentRepository {

    private final Map<String, Payment> payments = new HashMap<>();

    @Override
    public synchronized Optional<Payment> find(String orderId) {
        return Optional.ofNullable(payments.get(orderId));
    }

    @Override
    public synchronized boolean create(Payment payment) {
        return payments.putIfAbsent(payment.orderId(), payment) == null;
    }

    @Override
    public synchronized boolean replace(Payment current, Payment next) {
        if (!current.orderId().equals(next.orderId())) {
            throw new IllegalArgumentException("a payment cannot change its order");
        }
        Payment stored = payments.get(current.orderId());
        if (stored == null || stored.state() != current.state()) {
            return false;
        }
        payments.put(next.orderId(), next);
        return true;
    }

    /** Puts a payment as if an earlier delivery had stored it. */
    public synchronized void store(Payment payment) {
        payments.put(payment.orderId(), payment);
    }

    /** The order's payment, or {@code null}. */
    public synchronized Payment get(String orderId) {
        return payments.get(orderId);
    }
}
