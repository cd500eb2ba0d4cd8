package com.example.shop.payment.domain;

import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.testing.CountingGateway;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.payment.testing.InMemoryPaymentRepository;
import com.example.shop.payment.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargePaymentTest {

    private static final AnnouncementIds IDS = type -> switch (type.getSimpleName()) {
        case "PaymentCharged" -> "00000000-0000-4000-8000-00000000000c";
        case "PaymentDeclined" -> "00000000-0000-4000-8000-00000000000d";
        case "PaymentRefunded" -> "00000000-0000-4000-8000-00000000000e";
        default -> "00000000-0000-4000-8000-00000000000f";
    };

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final CountingGateway gateway = new CountingGateway(Fixtures.simulator(clock));
    private final ChargePayment chargePayment = new ChargePayment(payments, gateway, clock);
    private final RefundPayment refundPayment = new RefundPayment(payments, gateway, clock);

    @Test
    void an_approved_charge_is_recorded_and_announced() {
        ChargeOutcome outcome = chargePayment.charge(reserved("pm-ref-7Hq2kLx9"), IDS);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Charged.class, charged -> {
            assertThat(charged.fact().paymentId()).startsWith("ch_");
            assertThat(charged.fact().amount()).isEqualTo(SampleEvents.euros(5030));
            assertThat(charged.announcement().eventId()).isEqualTo(IDS.eventIdFor(PaymentCharged.class));
            assertThat(charged.announcement().occurredAt()).isEqualTo(Fixtures.NOW);
        });
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CHARGED);
        assertThat(gateway.charges()).singleElement()
                .satisfies(request -> assertThat(request.idempotencyKey()).isEqualTo(SampleEvents.ORDER_ID));
    }

    @Test
    void a_declined_charge_is_recorded_with_the_reason() {
        ChargeOutcome outcome = chargePayment.charge(reserved("pm-decline-insufficient-funds"), IDS);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class, declined -> {
            assertThat(declined.fact()).isEqualTo(new PaymentDeclined(SampleEvents.ORDER_ID, SampleEvents.CUSTOMER_ID,
                    SampleEvents.euros(5030), "insufficient-funds"));
            assertThat(declined.announcement().eventId()).isEqualTo(IDS.eventIdFor(PaymentDeclined.class));
        });
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.DECLINED);
    }

    @Test
    void an_unavailable_provider_is_thrown_and_leaves_the_payment_charging() {
        assertThatThrownBy(() -> chargePayment.charge(reserved("pm-transient-error"), IDS))
                .isInstanceOf(PaymentProviderUnavailableException.class);

        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CHARGING);
    }

    @Test
    void a_redelivery_after_the_charge_reannounces_it_without_calling_the_provider() {
        var first = (ChargeOutcome.Charged) chargePayment.charge(reserved("pm-ref-7Hq2kLx9"), IDS);
        clock.advance(java.time.Duration.ofMinutes(2));

        ChargeOutcome again = chargePayment.charge(reserved("pm-ref-7Hq2kLx9"), IDS);

        assertThat(again).isEqualTo(new Reannounce(first.fact(), first.announcement()));
        assertThat(gateway.charges()).hasSize(1);
    }

    @Test
    void a_retry_after_a_crash_between_charge_and_record_gets_the_same_charge_back() {
        StockReserved reserved = reserved("pm-ref-7Hq2kLx9");
        // The first attempt reached the provider, then the function died before recording CHARGED.
        payments.store(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()));
        var firstAnswer = (PaymentGateway.Approved) gateway.charge(new PaymentGateway.ChargeRequest(
                reserved.orderId(), reserved.total(), reserved.paymentMethodRef()));

        var retried = (ChargeOutcome.Charged) chargePayment.charge(reserved, IDS);

        assertThat(retried.fact().paymentId()).isEqualTo(firstAnswer.chargeId());
    }

    @Test
    void an_order_cancelled_before_its_charge_is_not_charged() {
        refundPayment.onCancelled(SampleEvents.orderCancelled("changed my mind"), IDS);

        ChargeOutcome outcome = chargePayment.charge(reserved("pm-ref-7Hq2kLx9"), IDS);

        assertThat(outcome).isEqualTo(new ChargeOutcome.NothingCharged(SampleEvents.ORDER_ID));
        assertThat(gateway.charges()).isEmpty();
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void a_cancellation_while_the_charge_is_in_flight_turns_the_charge_into_a_refund() {
        gateway.duringNextCharge(() -> assertThat(
                refundPayment.onCancelled(SampleEvents.orderCancelled("changed my mind"), IDS))
                .isEqualTo(new RefundOutcome.ChargePrevented(SampleEvents.ORDER_ID, true)));

        ChargeOutcome outcome = chargePayment.charge(reserved("pm-ref-7Hq2kLx9"), IDS);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.RefundedAfterCancel.class, refunded -> {
            assertThat(refunded.fact().amount()).isEqualTo(SampleEvents.euros(5030));
            assertThat(refunded.announcement().eventId()).isEqualTo(IDS.eventIdFor(PaymentRefunded.class));
        });
        assertThat(gateway.refunds()).singleElement().satisfies(refund ->
                assertThat(refund.chargeId()).isEqualTo(((Payment.Refunded) payments.get(SampleEvents.ORDER_ID)).chargeId()));
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.REFUNDED);
    }

    @Test
    void a_declined_charge_in_flight_during_a_cancellation_needs_no_refund() {
        gateway.duringNextCharge(() -> refundPayment.onCancelled(SampleEvents.orderCancelled("changed my mind"), IDS));

        ChargeOutcome outcome = chargePayment.charge(reserved("pm-decline-card-expired"), IDS);

        assertThat(outcome).isEqualTo(new ChargeOutcome.NothingCharged(SampleEvents.ORDER_ID));
        assertThat(gateway.refunds()).isEmpty();
        assertThat(payments.get(SampleEvents.ORDER_ID).state()).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void a_redelivery_after_a_crash_in_the_race_still_refunds_once() {
        StockReserved reserved = reserved("pm-ref-7Hq2kLx9");
        // Charge went through at the provider, the cancellation recorded CANCELLED, then the charging function died.
        payments.store(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()).cancelled());
        gateway.charge(new PaymentGateway.ChargeRequest(reserved.orderId(), reserved.total(), reserved.paymentMethodRef()));

        ChargeOutcome outcome = chargePayment.charge(reserved, IDS);
        ChargeOutcome again = chargePayment.charge(reserved, IDS);

        assertThat(outcome).isInstanceOf(ChargeOutcome.RefundedAfterCancel.class);
        assertThat(again).isInstanceOf(Reannounce.class);
        assertThat(((Reannounce) again).announcement()).isEqualTo(((Announced) outcome).announcement());
        assertThat(gateway.refunds()).hasSize(1);
    }

    @Test
    void a_failed_payment_is_reannounced_not_charged() {
        StockReserved reserved = reserved("pm-ref-7Hq2kLx9");
        var announced = new Announcement("00000000-0000-4000-8000-000000000099", Fixtures.NOW);
        payments.store(Payment.abandonedBeforeCharge(reserved.orderId(), reserved.customerId(), reserved.total(),
                "payment provider unavailable after 5 attempts", announced));

        ChargeOutcome outcome = chargePayment.charge(reserved, IDS);

        assertThat(outcome).isInstanceOfSatisfying(Reannounce.class,
                r -> assertThat(r.announcement()).isEqualTo(announced));
        assertThat(gateway.charges()).isEmpty();
    }

    private static StockReserved reserved(String paymentMethodRef) {
        StockReserved sample = SampleEvents.stockReserved();
        return new StockReserved(sample.orderId(), sample.customerId(), List.copyOf(sample.lines()), sample.total(),
                paymentMethodRef, sample.shippingAddress());
    }
}
