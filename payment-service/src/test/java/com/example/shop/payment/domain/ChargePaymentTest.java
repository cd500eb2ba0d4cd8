package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.testing.RecordingPaymentGateway;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.payment.testing.InMemoryPaymentRepository;
import com.example.shop.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargePaymentTest {

    private static final EventEnvelope<OrderCancelled> CANCELLED =
            SampleEvents.envelope(SampleEvents.orderCancelled("changed my mind"), SampleEvents.eventId(0xca));

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final RecordingPaymentGateway gateway = new RecordingPaymentGateway(Fixtures.simulator(clock));
    private final ChargePayment chargePayment = new ChargePayment(payments, gateway, clock);
    private final RefundPayment refundPayment = new RefundPayment(payments, gateway, clock);

    @Test
    void an_approved_charge_is_recorded_and_announced() {
        EventEnvelope<StockReserved> reserved = reserved("pm-ref-7Hq2kLx9");

        ChargeOutcome outcome = chargePayment.charge(reserved);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Charged.class, charged -> {
            assertThat(charged.event().data().paymentId()).startsWith("ch_");
            assertThat(charged.event().data().amount()).isEqualTo(SampleEvents.euros(5030));
            assertThat(charged.event().eventId()).isEqualTo(EventIds.derive(reserved.eventId(), PaymentCharged.class));
            assertThat(charged.event().metadata().occurredAt()).isEqualTo(Fixtures.NOW);
            assertThat(charged.event().metadata().causationId()).isEqualTo(reserved.eventId());
        });
        assertThat(outcome.announcements()).hasSize(1);
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CHARGED);
        assertThat(gateway.chargeRequests()).singleElement()
                .satisfies(request -> assertThat(request.idempotencyKey()).isEqualTo(SampleEvents.ORDER_ID));
    }

    @Test
    void a_declined_charge_is_recorded_with_the_reason() {
        EventEnvelope<StockReserved> reserved = reserved("pm-decline-insufficient-funds");

        ChargeOutcome outcome = chargePayment.charge(reserved);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class, declined -> {
            assertThat(declined.event().data()).isEqualTo(new PaymentDeclined(SampleEvents.ORDER_ID,
                    SampleEvents.CUSTOMER_ID, SampleEvents.euros(5030), "insufficient-funds"));
            assertThat(declined.event().eventId()).isEqualTo(EventIds.derive(reserved.eventId(), PaymentDeclined.class));
        });
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.DECLINED);
    }

    @Test
    void an_unavailable_provider_is_thrown_and_leaves_the_payment_charging() {
        assertThatThrownBy(() -> chargePayment.charge(reserved("pm-transient-error")))
                .isInstanceOf(PaymentProviderUnavailableException.class);

        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CHARGING);
    }

    @Test
    void a_redelivery_after_the_charge_reannounces_it_without_calling_the_provider() {
        var first = (ChargeOutcome.Charged) chargePayment.charge(reserved("pm-ref-7Hq2kLx9"));
        clock.advance(java.time.Duration.ofMinutes(2));

        ChargeOutcome again = chargePayment.charge(reserved("pm-ref-7Hq2kLx9"));

        assertThat(again).isEqualTo(new AlreadyRecorded(first.event()));
        assertThat(gateway.chargeRequests()).hasSize(1);
    }

    @Test
    void a_republished_reservation_reannounces_the_recorded_identity_not_a_derived_one() {
        var first = (ChargeOutcome.Charged) chargePayment.charge(reserved("pm-ref-7Hq2kLx9"));
        clock.advance(java.time.Duration.ofMinutes(2));
        EventEnvelope<StockReserved> republished =
                SampleEvents.envelope(reserved("pm-ref-7Hq2kLx9").data(), SampleEvents.eventId(0x2e));

        ChargeOutcome again = chargePayment.charge(republished);

        assertThat(again).isInstanceOfSatisfying(AlreadyRecorded.class, recorded -> {
            assertThat(recorded.event().announcement()).isEqualTo(first.event().announcement());
            assertThat(recorded.event().data()).isEqualTo(first.event().data());
            assertThat(recorded.event().metadata().causationId()).isEqualTo(republished.eventId());
        });
    }

    @Test
    void a_retry_after_a_crash_between_charge_and_record_gets_the_same_charge_back() {
        StockReserved reserved = reserved("pm-ref-7Hq2kLx9").data();
        // The first attempt reached the provider, then the function died before recording CHARGED.
        payments.store(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()));
        var firstAnswer = (PaymentGateway.Approved) gateway.charge(new PaymentGateway.ChargeRequest(
                reserved.orderId(), reserved.total(), reserved.paymentMethodRef()));

        var retried = (ChargeOutcome.Charged) chargePayment.charge(reserved("pm-ref-7Hq2kLx9"));

        assertThat(retried.event().data().paymentId()).isEqualTo(firstAnswer.chargeId());
    }

    @Test
    void an_order_cancelled_before_its_charge_is_not_charged() {
        refundPayment.onCancelled(CANCELLED);

        ChargeOutcome outcome = chargePayment.charge(reserved("pm-ref-7Hq2kLx9"));

        assertThat(outcome).isEqualTo(new ChargeOutcome.NothingCharged(SampleEvents.ORDER_ID));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(gateway.chargeRequests()).isEmpty();
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void a_cancellation_while_the_charge_is_in_flight_turns_the_charge_into_a_refund() {
        EventEnvelope<StockReserved> reserved = reserved("pm-ref-7Hq2kLx9");
        gateway.duringNextCharge(() -> assertThat(refundPayment.onCancelled(CANCELLED))
                .isEqualTo(new RefundOutcome.ChargePrevented(SampleEvents.ORDER_ID, true)));

        ChargeOutcome outcome = chargePayment.charge(reserved);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.RefundedAfterCancel.class, refunded -> {
            assertThat(refunded.event().data().amount()).isEqualTo(SampleEvents.euros(5030));
            assertThat(refunded.event().eventId()).isEqualTo(EventIds.derive(reserved.eventId(), PaymentRefunded.class));
        });
        assertThat(gateway.refundRequests()).singleElement().satisfies(refund ->
                assertThat(refund.chargeId()).isEqualTo(((Payment.Refunded) payments.get(SampleEvents.ORDER_ID)).chargeId()));
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.REFUNDED);
    }

    @Test
    void a_declined_charge_in_flight_during_a_cancellation_needs_no_refund() {
        gateway.duringNextCharge(() -> refundPayment.onCancelled(CANCELLED));

        ChargeOutcome outcome = chargePayment.charge(reserved("pm-decline-card-expired"));

        assertThat(outcome).isEqualTo(new ChargeOutcome.NothingCharged(SampleEvents.ORDER_ID));
        assertThat(gateway.refundRequests()).isEmpty();
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void a_redelivery_after_a_crash_in_the_race_still_refunds_once() {
        EventEnvelope<StockReserved> reserved = reserved("pm-ref-7Hq2kLx9");
        StockReserved data = reserved.data();
        // Charge went through at the provider, the cancellation recorded CANCELLED, then the charging function died.
        payments.store(Payment.start(data.orderId(), data.customerId(), data.total()).cancelled());
        gateway.charge(new PaymentGateway.ChargeRequest(data.orderId(), data.total(), data.paymentMethodRef()));

        ChargeOutcome outcome = chargePayment.charge(reserved);
        ChargeOutcome again = chargePayment.charge(reserved);

        assertThat(outcome).isInstanceOf(ChargeOutcome.RefundedAfterCancel.class);
        assertThat(again).isInstanceOf(AlreadyRecorded.class);
        assertThat(again.announcements()).isEqualTo(outcome.announcements());
        assertThat(gateway.refundRequests()).hasSize(1);
    }

    @Test
    void a_failed_payment_is_reannounced_not_charged() {
        StockReserved reserved = reserved("pm-ref-7Hq2kLx9").data();
        var announced = new Announcement("00000000-0000-4000-8000-000000000099", Fixtures.NOW);
        payments.store(Payment.abandonedBeforeCharge(reserved.orderId(), reserved.customerId(), reserved.total(),
                "payment provider unavailable after 5 attempts", announced));

        ChargeOutcome outcome = chargePayment.charge(reserved("pm-ref-7Hq2kLx9"));

        assertThat(outcome).isInstanceOfSatisfying(AlreadyRecorded.class,
                r -> assertThat(r.event().announcement()).isEqualTo(announced));
        assertThat(gateway.chargeRequests()).isEmpty();
    }

    private static EventEnvelope<StockReserved> reserved(String paymentMethodRef) {
        StockReserved sample = SampleEvents.stockReserved();
        return SampleEvents.envelope(new StockReserved(sample.orderId(), sample.customerId(),
                List.copyOf(sample.lines()), sample.total(), paymentMethodRef, sample.shippingAddress()),
                SampleEvents.eventId(0x5e));
    }
}
