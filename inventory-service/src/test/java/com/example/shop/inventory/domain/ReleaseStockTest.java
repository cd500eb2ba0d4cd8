package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.example.shop.events.SampleEvents.CUSTOMER_ID;
import static com.example.shop.events.SampleEvents.ORDER_ID;
import static com.example.shop.events.SampleEvents.envelope;
import static com.example.shop.events.SampleEvents.euros;
import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Giving an order's stock back: only if held, only once, and announced the same way every time.
 */
class ReleaseStockTest {

    private static final String BEANS = "prod-espresso-beans-1kg";
    private static final String MUG = "prod-ceramic-mug-350ml";
    private static final Instant NOW = Instant.parse("2026-11-27T10:16:00Z");

    private final InMemoryStockLedger ledger = new InMemoryStockLedger().withStock(BEANS, 10).withStock(MUG, 10);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReserveStock reserveStock = new ReserveStock(ledger, clock);
    private final ReleaseStock releaseStock = new ReleaseStock(ledger, clock);

    private final EventEnvelope<PaymentDeclined> declined = envelope(
            new PaymentDeclined(ORDER_ID, CUSTOMER_ID, euros(5030), "insufficient funds"), eventId(20));
    private final EventEnvelope<OrderCancelled> cancelled = envelope(
            new OrderCancelled(ORDER_ID, CUSTOMER_ID, "changed my mind"), eventId(30));

    private final EventEnvelope<ShipmentFailed> shipmentFailed = envelope(SampleEvents.shipmentFailed(), eventId(40));

    @Test
    void a_held_reservation_is_given_back_and_announced_with_the_trigger_as_reason() {
        EventEnvelope<StockReserved> reserved = reserve();

        ReleaseOutcome outcome = releaseStock.release(declined);

        EventEnvelope<StockReleased> announced = ((ReleaseOutcome.Released) outcome).announced();
        assertThat(((ReleaseOutcome.Released) outcome).repeated()).isFalse();
        assertThat(announced.eventId()).isEqualTo(EventIds.derive(eventId(20), "StockReleased"));
        assertThat(announced.metadata().causationId()).isEqualTo(eventId(20));
        assertThat(announced.data().reason()).isEqualTo("PaymentDeclined");
        assertThat(announced.data().lines()).isEqualTo(reserved.data().lines());
        assertThat(outcome.announcements()).containsExactly(announced);
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
        assertThat(ledger.available(MUG)).isEqualTo(10);
    }

    @Test
    void a_second_trigger_announces_the_first_release_again_without_touching_stock() {
        reserve();
        EventEnvelope<StockReleased> first = ((ReleaseOutcome.Released) releaseStock.release(declined)).announced();

        ReleaseOutcome second = releaseStock.release(cancelled);
        ReleaseOutcome redelivered = releaseStock.release(declined);

        assertThat(second).isEqualTo(new ReleaseOutcome.Released(first, true));
        assertThat(redelivered).isEqualTo(new ReleaseOutcome.Released(first, true));
        assertThat(second.announcements()).containsExactly(first);
        assertThat(redelivered.announcements()).containsExactly(first);
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @Test
    void a_payment_event_without_reservation_releases_nothing_and_leaves_no_record() {
        ReleaseOutcome outcome = releaseStock.release(envelope(
                new PaymentFailed(ORDER_ID, CUSTOMER_ID, "provider down"), eventId(21)));

        assertThat(outcome).isEqualTo(new ReleaseOutcome.NothingToRelease(ORDER_ID, ReleaseOutcome.Why.NEVER_RESERVED));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(ledger.recordOf(ORDER_ID)).isEmpty();
    }

    @Test
    void a_cancellation_that_overtakes_its_order_leaves_a_marker_so_the_late_order_reserves_nothing() {
        ReleaseOutcome outcome = releaseStock.release(cancelled);

        assertThat(outcome).isEqualTo(new ReleaseOutcome.CancellationNoted(
                new CancelledBeforeReservation(ORDER_ID, CUSTOMER_ID, eventId(30), NOW)));
        assertThat(outcome.announcements()).isEmpty();

        ReservationOutcome late = reserveStock.reserve(envelope(SampleEvents.orderPlaced(), eventId(1)));

        assertThat(late).isInstanceOf(ReservationOutcome.CancelledFirst.class);
        assertThat(late.announcements()).isEmpty();
        assertThat(ledger.reserved(BEANS)).isZero();
        assertThat(releaseStock.release(cancelled)).isEqualTo(new ReleaseOutcome.NothingToRelease(ORDER_ID,
                ReleaseOutcome.Why.CANCELLED_BEFORE_RESERVATION));
    }

    @Test
    void a_refused_order_has_nothing_to_release() {
        ledger.withStock(BEANS, 0);
        reserveStock.reserve(envelope(SampleEvents.orderPlaced(), eventId(1)));

        ReleaseOutcome outcome = releaseStock.release(cancelled);

        assertThat(outcome).isEqualTo(new ReleaseOutcome.NothingToRelease(ORDER_ID,
                ReleaseOutcome.Why.STOCK_WAS_UNAVAILABLE));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(ledger.available(MUG)).isEqualTo(10);
    }

    @Test
    void a_shipment_failure_gives_the_held_stock_back_with_shipment_failed_as_reason() {
        reserve();

        ReleaseOutcome outcome = releaseStock.release(shipmentFailed);

        assertThat(outcome).isInstanceOfSatisfying(ReleaseOutcome.Released.class, released -> {
            assertThat(released.repeated()).isFalse();
            assertThat(released.announced().eventId()).isEqualTo(EventIds.derive(eventId(40), "StockReleased"));
            assertThat(released.announced().data().reason()).isEqualTo("ShipmentFailed");
        });
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @Test
    void a_cancellation_and_a_shipment_failure_of_the_same_order_release_it_once_in_either_order() {
        reserve();
        EventEnvelope<StockReleased> first = ((ReleaseOutcome.Released) releaseStock.release(cancelled)).announced();

        ReleaseOutcome afterFailure = releaseStock.release(shipmentFailed);

        assertThat(afterFailure).isEqualTo(new ReleaseOutcome.Released(first, true));
        assertThat(first.data().reason()).isEqualTo("OrderCancelled");
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();

        InMemoryStockLedger other = new InMemoryStockLedger().withStock(BEANS, 10).withStock(MUG, 10);
        new ReserveStock(other, clock).reserve(envelope(SampleEvents.orderPlaced(), eventId(1)));
        ReleaseStock releaseOther = new ReleaseStock(other, clock);
        EventEnvelope<StockReleased> failureFirst =
                ((ReleaseOutcome.Released) releaseOther.release(shipmentFailed)).announced();

        assertThat(releaseOther.release(cancelled)).isEqualTo(new ReleaseOutcome.Released(failureFirst, true));
        assertThat(other.available(BEANS)).isEqualTo(10);
        assertThat(other.reserved(BEANS)).isZero();
    }

    @Test
    void a_shipment_failure_without_a_reservation_releases_nothing_and_leaves_no_marker() {
        ReleaseOutcome outcome = releaseStock.release(shipmentFailed);

        assertThat(outcome).isEqualTo(new ReleaseOutcome.NothingToRelease(ORDER_ID, ReleaseOutcome.Why.NEVER_RESERVED));
        assertThat(outcome.announcements()).isEmpty();
        assertThat(ledger.recordOf(ORDER_ID)).isEmpty();
    }

    private EventEnvelope<StockReserved> reserve() {
        ReservationOutcome outcome = reserveStock.reserve(envelope(SampleEvents.orderPlaced(), eventId(1)));
        return ((ReservationOutcome.Reserved) outcome).announced();
    }
}
