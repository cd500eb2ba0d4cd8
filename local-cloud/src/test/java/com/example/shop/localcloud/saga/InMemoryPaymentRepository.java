package com.example.shop.localcloud.saga;

import com.example.shop.payment.domain.Payment;
import com.example.shop.payment.domain.PaymentRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payments of all orders, in memory, one per order id; like the DynamoDB table, a payment is
 * replaced only while it is still in the state the caller read.
 */
final class InMemoryPaymentRepository implements PaymentRepository {

    private final Map<String, Payment> payments = new HashMap<>();

    @Override
    public Optional<Payment> find(String orderId) {
        return Optional.ofNullable(payments.get(orderId));
    }

    @Override
    public boolean create(Payment payment) {
        return payments.putIfAbsent(payment.orderId(), payment) == null;
    }

    @Override
    public boolean replace(Payment current, Payment next) {
        Payment stored = payments.get(current.orderId());
        if (stored == null || stored.state() != current.state()) {
            return false;
        }
        payments.put(next.orderId(), next);
        return true;
    }
}
