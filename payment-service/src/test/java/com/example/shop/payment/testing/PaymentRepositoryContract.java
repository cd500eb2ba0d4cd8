package com.example.shop.payment.testing;

import com.example.shop.events.Announcement;
import com.example.shop.events.Money;
import com.example.shop.payment.domain.Payment;
import com.example.shop.payment.domain.PaymentRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link PaymentRepository} does, the in-memory fake as much as the DynamoDB adapter:
 * one payment per order, a first write only where there is none, and a transition only from the
 * state the caller read. A subclass supplies a fresh, empty repository per test.
 */
public abstract class PaymentRepositoryContract {

    private static final Money AMOUNT = new Money(5030, "EUR");
    private static final Announcement ANNOUNCED = new Announcement("00000000-0000-4000-8000-000000000001",
            Instant.parse("2026-11-27T10:15:32.123Z"));
    private static final AtomicInteger ORDERS = new AtomicInteger();

    private PaymentRepository payments;
    private String orderId;

    /** A repository with no payments in it. */
    protected abstract PaymentRepository emptyRepository();

    @BeforeEach
    void freshRepository() {
        payments = emptyRepository();
        orderId = "order-" + ORDERS.incrementAndGet();
    }

    /** Every state a payment can be stored in, for the order {@code order-1}. */
    public static Stream<Payment> everyState() {
        Payment.Charging charging = Payment.start("order-1", "customer-1", AMOUNT);
        return Stream.of(
                charging,
                charging.charged("ch_1", ANNOUNCED),
                charging.declined("insufficient-funds", ANNOUNCED),
                charging.abandoned("payment provider unavailable after 5 attempts", ANNOUNCED),
                charging.cancelled(),
                Payment.cancelledBeforeCharge("order-1", "customer-1"),
                charging.charged("ch_1", ANNOUNCED).refunded("re_1", ANNOUNCED));
    }

    @Test
    void an_order_payment_has_not_heard_of_has_no_payment() {
        assertThat(payments.find(orderId)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyState")
    void every_state_is_read_back_as_it_was_written(Payment payment) {
        assertThat(payments.create(payment)).isTrue();

        assertThat(payments.find(payment.orderId())).contains(payment);
    }

    @Test
    void a_second_first_write_for_the_same_order_is_refused_and_the_first_stays() {
        Payment.Charging first = charging();
        payments.create(first);

        assertThat(payments.create(Payment.cancelledBeforeCharge(orderId, "customer-1"))).isFalse();
        assertThat(payments.find(orderId)).contains(first);
    }

    @Test
    void a_transition_from_the_state_read_is_stored() {
        Payment.Charging charging = charging();
        payments.create(charging);
        Payment.Charged charged = charging.charged("ch_1", ANNOUNCED);

        assertThat(payments.replace(charging, charged)).isTrue();
        assertThat(payments.find(orderId)).contains(charged);
    }

    @Test
    void a_transition_from_a_state_the_payment_has_left_is_refused() {
        Payment.Charging charging = charging();
        payments.create(charging);
        payments.replace(charging, charging.cancelled());

        assertThat(payments.replace(charging, charging.charged("ch_1", ANNOUNCED))).isFalse();
        assertThat(payments.find(orderId)).contains(charging.cancelled());
    }

    @Test
    void a_transition_of_a_payment_never_stored_is_refused() {
        Payment.Charging charging = charging();

        assertThat(payments.replace(charging, charging.cancelled())).isFalse();
        assertThat(payments.find(orderId)).isEmpty();
    }

    @Test
    void a_payment_cannot_move_to_another_order() {
        Payment.Charging charging = charging();
        payments.create(charging);

        assertThatThrownBy(() -> payments.replace(charging,
                Payment.start(orderId + "-other", "customer-1", AMOUNT).cancelled()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(payments.find(orderId)).contains(charging);
    }

    private Payment.Charging charging() {
        return Payment.start(orderId, "customer-1", AMOUNT);
    }
}
