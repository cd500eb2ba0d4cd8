package com.example.shop.payment.adapter;

import com.example.shop.events.Money;
import com.example.shop.payment.domain.PaymentGateway.Approved;
import com.example.shop.payment.domain.PaymentGateway.ChargeRequest;
import com.example.shop.payment.domain.PaymentGateway.Declined;
import com.example.shop.payment.domain.PaymentGateway.RefundRequest;
import com.example.shop.payment.domain.PaymentProviderUnavailableException;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.SequentialIds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPaymentGatewayTest {

    private static final Money AMOUNT = new Money(5030, "EUR");

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final List<Duration> waits = new ArrayList<>();
    private final SequentialIds ids = SequentialIds.prefixed("id-");

    private SimulatedPaymentGateway gateway(int maxCallsPerSecond) {
        return new SimulatedPaymentGateway(Duration.ofMillis(50), maxCallsPerSecond, clock, waits::add, ids);
    }

    @Test
    void an_ordinary_payment_method_is_approved_with_a_new_charge_id() {
        assertThat(gateway(20).charge(charge("order-1", "pm-ref-7Hq2kLx9"))).isEqualTo(new Approved("ch_id-1"));
    }

    @Test
    void a_decline_method_is_declined_with_the_reason_it_names() {
        assertThat(gateway(20).charge(charge("order-1", "pm-decline-insufficient-funds")))
                .isEqualTo(new Declined("insufficient-funds"));
    }

    @Test
    void an_unknown_kind_of_method_is_declined() {
        assertThat(gateway(20).charge(charge("order-1", "card-4242"))).isEqualTo(new Declined("unknown-payment-method"));
    }

    @Test
    void the_transient_error_method_means_retry_later_every_time() {
        var gateway = gateway(20);

        assertThatThrownBy(() -> gateway.charge(charge("order-1", "pm-transient-error")))
                .isInstanceOf(PaymentProviderUnavailableException.class);
        assertThatThrownBy(() -> gateway.charge(charge("order-1", "pm-transient-error")))
                .isInstanceOf(PaymentProviderUnavailableException.class);
    }

    @Test
    void a_repeated_idempotency_key_gets_the_first_charge_back_and_charges_once() {
        var gateway = gateway(20);

        var first = gateway.charge(charge("order-1", "pm-ref-7Hq2kLx9"));
        var repeated = gateway.charge(charge("order-1", "pm-ref-7Hq2kLx9"));
        var otherOrder = gateway.charge(charge("order-2", "pm-ref-7Hq2kLx9"));

        assertThat(repeated).isEqualTo(first);
        assertThat(otherOrder).isEqualTo(new Approved("ch_id-2"));
    }

    @Test
    void an_idempotency_key_reused_for_another_request_is_refused() {
        var gateway = gateway(20);
        gateway.charge(charge("order-1", "pm-ref-7Hq2kLx9"));

        assertThatThrownBy(() -> gateway.charge(new ChargeRequest("order-1", new Money(1, "EUR"), "pm-ref-7Hq2kLx9")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void calls_beyond_the_rate_limit_within_one_second_are_refused_as_unavailable() {
        var gateway = gateway(3);
        for (int order = 1; order <= 3; order++) {
            gateway.charge(charge("order-" + order, "pm-ok"));
        }

        assertThatThrownBy(() -> gateway.charge(charge("order-4", "pm-ok")))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageContaining("rate limit of 3 calls per second");

        clock.advance(Duration.ofSeconds(1));
        assertThat(gateway.charge(charge("order-4", "pm-ok"))).isInstanceOf(Approved.class);
    }

    @Test
    void refunds_count_against_the_rate_limit_too() {
        var gateway = gateway(1);
        gateway.charge(charge("order-1", "pm-ok"));

        assertThatThrownBy(() -> gateway.refund(new RefundRequest("order-1", "ch_id-1", AMOUNT)))
                .isInstanceOf(PaymentProviderUnavailableException.class);
    }

    @Test
    void every_call_takes_the_configured_latency() {
        var gateway = gateway(20);
        gateway.charge(charge("order-1", "pm-ok"));
        gateway.refund(new RefundRequest("order-1", "ch_id-1", AMOUNT));

        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @Test
    void a_repeated_refund_gets_the_first_refund_back() {
        var gateway = gateway(20);
        var first = gateway.refund(new RefundRequest("order-1", "ch_1", AMOUNT));

        assertThat(gateway.refund(new RefundRequest("order-1", "ch_1", AMOUNT))).isEqualTo(first);
        assertThat(first.refundId()).isEqualTo("re_id-1");
    }

    @Test
    void settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> new SimulatedPaymentGateway(Duration.ofMillis(-1), 20, clock, waits::add, ids))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedPaymentGateway(Duration.ZERO, 0, clock, waits::add, ids))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ChargeRequest charge(String orderId, String paymentMethodRef) {
        return new ChargeRequest(orderId, AMOUNT, paymentMethodRef);
    }
}
