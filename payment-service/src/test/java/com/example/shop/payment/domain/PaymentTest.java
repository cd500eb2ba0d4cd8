package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.Money;
import com.example.shop.events.SampleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment state machine: which moves exist, and what each state remembers. */
class PaymentTest {

    private static final Money AMOUNT = new Money(5030, "EUR");
    private static final Announcement ANNOUNCED = new Announcement("00000000-0000-4000-8000-000000000001",
            Instant.parse("2026-11-27T10:15:32Z"));

    private final Payment.Charging charging = Payment.start("order-1", "customer-1", AMOUNT);

    @Test
    void a_new_payment_starts_charging() {
        assertThat(charging.state()).isEqualTo(PaymentState.CHARGING);
    }

    @Test
    void charging_becomes_charged_and_states_the_charge_with_the_forwarded_address() {
        Payment.Charged charged = charging.charged("ch_1", ANNOUNCED);

        assertThat(charged.state()).isEqualTo(PaymentState.CHARGED);
        assertThat(charged.fact(SampleEvents.address())).satisfies(fact -> {
            assertThat(fact.paymentId()).isEqualTo("ch_1");
            assertThat(fact.amount()).isEqualTo(AMOUNT);
            assertThat(fact.shippingAddress()).isEqualTo(SampleEvents.address());
        });
        assertThat(charged.announcement()).isEqualTo(ANNOUNCED);
    }

    @Test
    void charging_becomes_declined_with_the_providers_reason() {
        Payment.Declined declined = charging.declined("insufficient-funds", ANNOUNCED);

        assertThat(declined.state()).isEqualTo(PaymentState.DECLINED);
        assertThat(declined.fact().reason()).isEqualTo("insufficient-funds");
        assertThat(declined.fact().amount()).isEqualTo(AMOUNT);
    }

    @Test
    void charging_becomes_failed_when_abandoned() {
        Payment.Failed failed = charging.abandoned("payment provider unavailable after 5 attempts", ANNOUNCED);

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.fact().reason()).isEqualTo("payment provider unavailable after 5 attempts");
    }

    @Test
    void a_cancellation_while_charging_remembers_the_charge_in_flight() {
        Payment.Cancelled cancelled = charging.cancelled();

        assertThat(cancelled.state()).isEqualTo(PaymentState.CANCELLED);
        assertThat(cancelled.chargeInFlight()).isTrue();
        assertThat(cancelled.amountInFlight()).isEqualTo(AMOUNT);
    }

    @Test
    void a_charge_that_went_through_after_the_cancellation_becomes_refunded() {
        Payment.Refunded refunded = charging.cancelled().refunded("ch_1", "re_1", ANNOUNCED);

        assertThat(refunded.state()).isEqualTo(PaymentState.REFUNDED);
        assertThat(refunded.fact().refundId()).isEqualTo("re_1");
        assertThat(refunded.fact().amount()).isEqualTo(AMOUNT);
    }

    @Test
    void a_charged_payment_becomes_refunded() {
        Payment.Refunded refunded = charging.charged("ch_1", ANNOUNCED).refunded("re_1", ANNOUNCED);

        assertThat(refunded.chargeId()).isEqualTo("ch_1");
        assertThat(refunded.fact().refundId()).isEqualTo("re_1");
    }

    @Test
    void a_cancellation_before_any_charge_has_nothing_to_refund() {
        Payment.Cancelled cancelled = Payment.cancelledBeforeCharge("order-1", "customer-1");

        assertThat(cancelled.chargeInFlight()).isFalse();
        assertThatThrownBy(() -> cancelled.refunded("ch_1", "re_1", ANNOUNCED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to refund");
    }

    @Test
    void an_outcome_without_its_announcement_is_refused() {
        assertThatThrownBy(() -> charging.charged("ch_1", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> charging.charged(" ", ANNOUNCED)).isInstanceOf(IllegalArgumentException.class);
    }
}
