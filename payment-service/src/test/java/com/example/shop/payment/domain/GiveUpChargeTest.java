package com.example.shop.payment.domain;

import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockReserved;
import com.example.shop.payment.testing.Fixtures;
import com.example.shop.payment.testing.InMemoryPaymentRepository;
import com.example.shop.payment.testing.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GiveUpChargeTest {

    private static final String FAILED_ID = "00000000-0000-4000-8000-0000000000fa";
    private static final AnnouncementIds IDS = type -> FAILED_ID;

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final GiveUpCharge giveUpCharge = new GiveUpCharge(payments, clock);
    private final StockReserved reserved = SampleEvents.stockReserved();

    @Test
    void a_charge_still_in_flight_is_recorded_as_failed_and_announced() {
        payments.store(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()));

        GiveUpOutcome outcome = giveUpCharge.giveUp(reserved, 5, IDS);

        assertThat(outcome).isEqualTo(new GiveUpOutcome.Abandoned(
                new PaymentFailed(reserved.orderId(), reserved.customerId(), "payment provider unavailable after 5 attempts"),
                new Announcement(FAILED_ID, Fixtures.NOW), true));
        assertThat(payments.get(reserved.orderId()).state()).isEqualTo(PaymentState.FAILED);
    }

    @Test
    void a_payment_never_started_is_recorded_as_failed_too() {
        GiveUpOutcome outcome = giveUpCharge.giveUp(reserved, 5, IDS);

        assertThat(outcome).isInstanceOfSatisfying(GiveUpOutcome.Abandoned.class,
                abandoned -> assertThat(abandoned.chargeInFlight()).isFalse());
        assertThat(payments.get(reserved.orderId()).state()).isEqualTo(PaymentState.FAILED);
    }

    @Test
    void giving_up_twice_reannounces_the_same_failure() {
        var first = (GiveUpOutcome.Abandoned) giveUpCharge.giveUp(reserved, 5, IDS);
        clock.advance(java.time.Duration.ofMinutes(1));

        GiveUpOutcome again = giveUpCharge.giveUp(reserved, 5, type -> "00000000-0000-4000-8000-000000000777");

        assertThat(again).isEqualTo(new Reannounce(first.fact(), first.announcement()));
    }

    @Test
    void a_payment_that_was_charged_after_all_is_reannounced_as_charged_not_failed() {
        var announced = new Announcement("00000000-0000-4000-8000-0000000000c1", Fixtures.NOW);
        payments.store(Payment.start(reserved.orderId(), reserved.customerId(), reserved.total()).charged("ch_1", announced));

        GiveUpOutcome outcome = giveUpCharge.giveUp(reserved, 5, IDS);

        assertThat(outcome).isEqualTo(new Reannounce(new PaymentCharged(reserved.orderId(), reserved.customerId(), "ch_1",
                reserved.total(), reserved.shippingAddress()), announced));
        assertThat(payments.get(reserved.orderId()).state()).isEqualTo(PaymentState.CHARGED);
    }

    @Test
    void a_cancelled_order_announces_nothing() {
        payments.store(Payment.cancelledBeforeCharge(reserved.orderId(), reserved.customerId()));

        assertThat(giveUpCharge.giveUp(reserved, 5, IDS))
                .isEqualTo(new GiveUpOutcome.CancelledMeanwhile(reserved.orderId(), false));
    }
}
