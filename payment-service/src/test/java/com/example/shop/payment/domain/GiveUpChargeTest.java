package com.example.shop.payment.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.payment.testing.InMemoryPaymentRepository;
import com.example.shop.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GiveUpChargeTest {

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final GiveUpCharge giveUpCharge = new GiveUpCharge(payments, clock);
    private final EventEnvelope<StockReserved> cause =
            SampleEvents.envelope(SampleEvents.stockReserved(), SampleEvents.eventId(0xfa));
    private final StockReserved reserved = cause.data();

    @Test
    void a_charge_still_in_flight_is_recorded_as_failed_and_announced() {
        payments.store(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()));

        GiveUpOutcome outcome = giveUpCharge.giveUp(cause, 5);

        assertThat(outcome).isEqualTo(new GiveUpOutcome.Abandoned(EventEnvelope.causedBy(cause,
                new PaymentFailed(reserved.orderId(), reserved.customerId(), "payment provider unavailable after 5 attempts"),
                new Announcement(EventIds.derive(cause.eventId(), PaymentFailed.class), Fixtures.NOW)), true));
        assertThat(payments.get(reserved.orderId()).state()).isEqualTo(PaymentState.FAILED);
    }

    @Test
    void a_payment_never_started_is_recorded_as_failed_too() {
        GiveUpOutcome outcome = giveUpCharge.giveUp(cause, 5);

        assertThat(outcome).isInstanceOfSatisfying(GiveUpOutcome.Abandoned.class,
                abandoned -> assertThat(abandoned.chargeInFlight()).isFalse());
        assertThat(payments.get(reserved.orderId()).state()).isEqualTo(PaymentState.FAILED);
    }

    @Test
    void giving_up_twice_reannounces_the_same_failure() {
        var first = (GiveUpOutcome.Abandoned) giveUpCharge.giveUp(cause, 5);
        clock.advance(java.time.Duration.ofMinutes(1));

        GiveUpOutcome again = giveUpCharge.giveUp(
                SampleEvents.envelope(reserved, "00000000-0000-4000-8000-000000000777"), 5);

        assertThat(again).isInstanceOfSatisfying(AlreadyRecorded.class, recorded -> {
            assertThat(recorded.event().data()).isEqualTo(first.event().data());
            assertThat(recorded.event().announcement()).isEqualTo(first.event().announcement());
        });
    }

    @Test
    void a_payment_that_was_charged_after_all_is_reannounced_as_charged_not_failed() {
        var announced = new Announcement("00000000-0000-4000-8000-0000000000c1", Fixtures.NOW);
        payments.store(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()).charged("ch_1", announced));

        GiveUpOutcome outcome = giveUpCharge.giveUp(cause, 5);

        assertThat(outcome).isEqualTo(new AlreadyRecorded(EventEnvelope.causedBy(cause, new PaymentCharged(
                reserved.orderId(), reserved.customerId(), "ch_1", reserved.total(), reserved.shippingAddress()), announced)));
        assertThat(payments.get(reserved.orderId()).state()).isEqualTo(PaymentState.CHARGED);
    }

    @Test
    void a_cancelled_order_announces_nothing() {
        payments.store(Payment.cancelledBeforeCharge(reserved.orderId(), reserved.customerId()));

        GiveUpOutcome outcome = giveUpCharge.giveUp(cause, 5);

        assertThat(outcome).isEqualTo(new GiveUpOutcome.CancelledMeanwhile(reserved.orderId(), false));
        assertThat(outcome.announcements()).isEmpty();
    }
}
