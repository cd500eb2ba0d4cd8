package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.SampleEvents;
import com.example.shop.payment.testing.RecordingPaymentGateway;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.payment.testing.InMemoryPaymentRepository;
import com.example.shop.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RefundPaymentTest {

    private static final EventEnvelope<OrderCancelled> CANCELLED =
            SampleEvents.envelope(SampleEvents.orderCancelled("changed my mind"), SampleEvents.eventId(0xca));

    private static final EventEnvelope<ShipmentFailed> SHIPMENT_FAILED =
            SampleEvents.envelope(SampleEvents.shipmentFailed(), SampleEvents.eventId(0x5f));

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final RecordingPaymentGateway gateway = new RecordingPaymentGateway(Fixtures.simulator(clock));
    private final RefundPayment refundPayment = new RefundPayment(payments, gateway, clock);
    private final ChargePayment chargePayment = new ChargePayment(payments, gateway, clock);

    @Test
    void a_charged_order_is_refunded_in_full() {
        var charged = (ChargeOutcome.Charged) chargePayment.charge(
                SampleEvents.envelope(SampleEvents.stockReserved(), SampleEvents.eventId(0x5e)));

        RefundOutcome outcome = refundPayment.onCancelled(CANCELLED);

        assertThat(outcome).isInstanceOfSatisfying(RefundOutcome.Refunded.class, refunded -> {
            PaymentRefunded fact = refunded.event().data();
            assertThat(fact).isEqualTo(new PaymentRefunded(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID,
                    fact.refundId(), SampleEvents.euros(5030)));
            assertThat(fact.refundId()).startsWith("re_");
            assertThat(refunded.event().eventId()).isEqualTo(EventIds.derive(CANCELLED.eventId(), PaymentRefunded.class));
        });
        assertThat(gateway.refundRequests()).singleElement().satisfies(request -> {
            assertThat(request.idempotencyKey()).isEqualTo(SampleEvents.ORDER_ID);
            assertThat(request.chargeId()).isEqualTo(charged.event().data().paymentId());
        });
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.REFUNDED);
    }

    @Test
    void a_second_cancellation_reannounces_the_refund_without_refunding_again() {
        chargePayment.charge(SampleEvents.envelope(SampleEvents.stockReserved(), SampleEvents.eventId(0x5e)));
        var first = (RefundOutcome.Refunded) refundPayment.onCancelled(CANCELLED);

        RefundOutcome again = refundPayment.onCancelled(
                SampleEvents.envelope(CANCELLED.data(), "00000000-0000-4000-8000-000000000777"));

        assertThat(again).isInstanceOfSatisfying(AlreadyRecorded.class, recorded -> {
            assertThat(recorded.event().data()).isEqualTo(first.event().data());
            assertThat(recorded.event().announcement()).isEqualTo(first.event().announcement());
        });
        assertThat(gateway.refundRequests()).hasSize(1);
    }

    @Test
    void a_cancellation_before_the_charge_prevents_it() {
        RefundOutcome outcome = refundPayment.onCancelled(CANCELLED);

        assertThat(outcome).isEqualTo(new RefundOutcome.ChargePrevented(SampleEvents.ORDER_ID, false));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(payments.get(SampleEvents.ORDER_ID)).isEqualTo(
                Payment.cancelledBeforeCharge(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID));
        assertThat(gateway.refundRequests()).isEmpty();
    }

    @Test
    void a_cancellation_during_the_charge_marks_the_charge_in_flight() {
        payments.store(Payment.start(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, SampleEvents.euros(5030)));

        RefundOutcome outcome = refundPayment.onCancelled(CANCELLED);

        assertThat(outcome).isEqualTo(new RefundOutcome.ChargePrevented(SampleEvents.ORDER_ID, true));
        assertThat(((Payment.Cancelled) payments.get(SampleEvents.ORDER_ID)).chargeInFlight()).isTrue();
    }

    @Test
    void a_declined_order_has_nothing_to_refund() {
        payments.store(Payment.start(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, SampleEvents.euros(5030))
                .declined("insufficient-funds", new Announcement("00000000-0000-4000-8000-000000000001", Fixtures.NOW)));

        RefundOutcome outcome = refundPayment.onCancelled(CANCELLED);

        assertThat(outcome).isEqualTo(new RefundOutcome.NothingToRefund(SampleEvents.ORDER_ID, PaymentState.DECLINED));
        assertThat(gateway.refundRequests()).isEmpty();
    }

    @Test
    void a_charged_order_whose_shipment_failed_is_refunded_in_full() {
        var charged = (ChargeOutcome.Charged) chargePayment.charge(
                SampleEvents.envelope(SampleEvents.stockReserved(), SampleEvents.eventId(0x5e)));

        RefundOutcome outcome = refundPayment.onShipmentFailed(SHIPMENT_FAILED);

        assertThat(outcome).isInstanceOfSatisfying(RefundOutcome.Refunded.class, refunded -> {
            PaymentRefunded fact = refunded.event().data();
            assertThat(fact).isEqualTo(new PaymentRefunded(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID,
                    fact.refundId(), SampleEvents.euros(5030)));
            assertThat(refunded.event().eventId())
                    .isEqualTo(EventIds.derive(SHIPMENT_FAILED.eventId(), PaymentRefunded.class));
            assertThat(refunded.event().metadata().causationId()).isEqualTo(SHIPMENT_FAILED.eventId());
        });
        assertThat(gateway.refundRequests()).singleElement().satisfies(request -> {
            assertThat(request.idempotencyKey()).isEqualTo(SampleEvents.ORDER_ID);
            assertThat(request.chargeId()).isEqualTo(charged.event().data().paymentId());
        });
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.REFUNDED);
    }

    @Test
    void a_shipment_failure_delivered_twice_refunds_once_and_announces_the_recorded_refund_again() {
        chargePayment.charge(SampleEvents.envelope(SampleEvents.stockReserved(), SampleEvents.eventId(0x5e)));
        var first = (RefundOutcome.Refunded) refundPayment.onShipmentFailed(SHIPMENT_FAILED);
        clock.advance(Duration.ofMinutes(5));

        RefundOutcome again = refundPayment.onShipmentFailed(SHIPMENT_FAILED);

        assertThat(again).isInstanceOfSatisfying(AlreadyRecorded.class, recorded ->
                assertThat(recorded.event()).isEqualTo(first.event()));
        assertThat(gateway.refundRequests()).hasSize(1);
    }

    @Test
    void a_cancel_then_a_shipment_failure_refund_once_and_the_failure_announces_the_cancels_refund() {
        chargePayment.charge(SampleEvents.envelope(SampleEvents.stockReserved(), SampleEvents.eventId(0x5e)));
        var cancelRefund = (RefundOutcome.Refunded) refundPayment.onCancelled(CANCELLED);

        RefundOutcome afterFailure = refundPayment.onShipmentFailed(SHIPMENT_FAILED);

        assertThat(afterFailure).isInstanceOfSatisfying(AlreadyRecorded.class, recorded -> {
            assertThat(recorded.event().data()).isEqualTo(cancelRefund.event().data());
            assertThat(recorded.event().announcement()).isEqualTo(cancelRefund.event().announcement());
        });
        assertThat(gateway.refundRequests()).hasSize(1);
    }

    @Test
    void a_shipment_failure_then_a_cancel_refund_once_and_the_cancel_announces_the_failures_refund() {
        chargePayment.charge(SampleEvents.envelope(SampleEvents.stockReserved(), SampleEvents.eventId(0x5e)));
        var failureRefund = (RefundOutcome.Refunded) refundPayment.onShipmentFailed(SHIPMENT_FAILED);

        RefundOutcome afterCancel = refundPayment.onCancelled(CANCELLED);

        assertThat(afterCancel).isInstanceOfSatisfying(AlreadyRecorded.class, recorded ->
                assertThat(recorded.event().announcement()).isEqualTo(failureRefund.event().announcement()));
        assertThat(gateway.refundRequests()).hasSize(1);
    }

    @Test
    void a_shipment_failure_that_finds_no_recorded_charge_is_settled_like_a_cancel_and_keeps_no_money() {
        RefundOutcome outcome = refundPayment.onShipmentFailed(SHIPMENT_FAILED);

        assertThat(outcome).isEqualTo(new RefundOutcome.ChargePrevented(SampleEvents.ORDER_ID, false));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CANCELLED);
        assertThat(gateway.refundRequests()).isEmpty();
    }

    @Test
    void a_shipment_failure_on_a_declined_payment_has_nothing_to_refund() {
        payments.store(Payment.start(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID, SampleEvents.euros(5030))
                .declined("insufficient-funds", new Announcement("00000000-0000-4000-8000-000000000001", Fixtures.NOW)));

        RefundOutcome outcome = refundPayment.onShipmentFailed(SHIPMENT_FAILED);

        assertThat(outcome).isEqualTo(new RefundOutcome.NothingToRefund(SampleEvents.ORDER_ID, PaymentState.DECLINED));
        assertThat(gateway.refundRequests()).isEmpty();
    }
}
