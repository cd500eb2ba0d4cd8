package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.example.shop.events.SampleEvents.ORDER_ID;
import static com.example.shop.events.SampleEvents.envelope;
import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reserving stock for a placed order: the sample order asks for 2 espresso beans and 1 mug. The
 * use case publishes nothing; what its outcome announces is what the consumer publishes.
 */
class ReserveStockTest {

    private static final String BEANS = "prod-espresso-beans-1kg";
    private static final String MUG = "prod-ceramic-mug-350ml";
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:31Z");

    private final InMemoryStockLedger ledger = new InMemoryStockLedger();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReserveStock reserveStock = new ReserveStock(ledger, clock);
    private final EventEnvelope<OrderPlaced> placed = envelope(SampleEvents.orderPlaced(), eventId(1));

    @Test
    void when_every_line_is_in_stock_holds_all_lines_and_announces_stock_reserved() {
        ledger.withStock(BEANS, 10).withStock(MUG, 1);

        ReservationOutcome outcome = reserveStock.reserve(placed);

        EventEnvelope<StockReserved> announced = ((ReservationOutcome.Reserved) outcome).announced();
        assertThat(announced.eventId()).isEqualTo(EventIds.derive(eventId(1), "StockReserved"));
        assertThat(announced.metadata().causationId()).isEqualTo(eventId(1));
        assertThat(announced.metadata().correlationId()).isEqualTo(placed.correlationId());
        assertThat(announced.metadata().occurredAt()).isEqualTo(NOW);
        assertThat(announced.data().lines()).containsExactly(new ReservedLine(BEANS, 2), new ReservedLine(MUG, 1));
        assertThat(announced.data().total()).isEqualTo(placed.data().total());
        assertThat(announced.data().paymentMethodRef()).isEqualTo(placed.data().paymentMethodRef());
        assertThat(announced.data().shippingAddress()).isEqualTo(placed.data().shippingAddress());
        assertThat(outcome.announcements()).containsExactly(announced);
        assertThat(ledger.available(BEANS)).isEqualTo(8);
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
        assertThat(ledger.available(MUG)).isZero();
        assertThat(ledger.reserved(MUG)).isEqualTo(1);
    }

    @Test
    void when_one_line_is_short_reserves_nothing_and_names_the_short_line() {
        ledger.withStock(BEANS, 1).withStock(MUG, 5);

        ReservationOutcome outcome = reserveStock.reserve(placed);

        EventEnvelope<StockUnavailable> announced = ((ReservationOutcome.Unavailable) outcome).announced();
        assertThat(announced.data().lines()).containsExactly(new UnavailableLine(BEANS, 2, 1));
        assertThat(announced.eventId()).isEqualTo(EventIds.derive(eventId(1), "StockUnavailable"));
        assertThat(outcome.announcements()).containsExactly(announced);
        assertThat(ledger.available(MUG)).isEqualTo(5);
        assertThat(ledger.reserved(MUG)).isZero();
        assertThat(ledger.recordOf(ORDER_ID)).contains(new Refusal(announced));
    }

    @Test
    void an_unknown_product_is_unavailable_with_none_in_stock() {
        ledger.withStock(BEANS, 10);

        ReservationOutcome outcome = reserveStock.reserve(placed);

        assertThat(((ReservationOutcome.Unavailable) outcome).announced().data().lines())
                .containsExactly(new UnavailableLine(MUG, 1, 0));
        assertThat(ledger.available(BEANS)).isEqualTo(10);
    }

    @Test
    void a_repeated_order_with_another_event_id_reserves_nothing_more_and_announces_the_first_event_again() {
        ledger.withStock(BEANS, 10).withStock(MUG, 10);
        EventEnvelope<StockReserved> first = ((ReservationOutcome.Reserved) reserveStock.reserve(placed)).announced();

        ReservationOutcome again = reserveStock.reserve(envelope(SampleEvents.orderPlaced(), eventId(2)));

        assertThat(again).isEqualTo(new ReservationOutcome.Reserved(first, true));
        assertThat(again.announcements()).containsExactly(first);
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
    }

    @Test
    void a_repeated_refused_order_announces_the_same_refusal_even_if_stock_arrived_since() {
        ledger.withStock(BEANS, 1).withStock(MUG, 1);
        EventEnvelope<StockUnavailable> first =
                ((ReservationOutcome.Unavailable) reserveStock.reserve(placed)).announced();
        ledger.withStock(BEANS, 100);

        ReservationOutcome again = reserveStock.reserve(placed);

        assertThat(again).isEqualTo(new ReservationOutcome.Unavailable(first, true));
        assertThat(again.announcements()).containsExactly(first);
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @Test
    void an_order_cancelled_before_it_arrived_reserves_nothing_and_announces_nothing() {
        ledger.withStock(BEANS, 10).withStock(MUG, 10);
        ledger.record(new CancelledBeforeReservation(ORDER_ID, SampleEvents.CUSTOMER_ID, eventId(9), NOW));

        ReservationOutcome outcome = reserveStock.reserve(placed);

        assertThat(outcome).isInstanceOf(ReservationOutcome.CancelledFirst.class);
        assertThat(outcome.announcements()).isEmpty();
        assertThat(ledger.available(BEANS)).isEqualTo(10);
    }

    @Test
    void when_stock_arrives_between_the_failed_transaction_and_the_read_back_tries_again() {
        ledger.withStock(BEANS, 1).withStock(MUG, 1);
        ledger.afterReserveAttempt(() -> {
            if (ledger.reserveCalls() == 1) {
                ledger.withStock(BEANS, 5);
            }
        });

        ReservationOutcome outcome = reserveStock.reserve(placed);

        assertThat(outcome).isInstanceOf(ReservationOutcome.Reserved.class);
        assertThat(ledger.reserveCalls()).isEqualTo(2);
        assertThat(ledger.available(BEANS)).isEqualTo(3);
    }

    /** The rule that keeps a redelivery harmless downstream: it announces the same event id. */
    @Test
    void when_the_publish_fails_the_retry_announces_the_recorded_event_without_reserving_again() {
        ledger.withStock(BEANS, 10).withStock(MUG, 10);
        // The first attempt's outcome is lost: the consumer's publish failed, so OrderPlaced comes back.
        ReservationOutcome lost = reserveStock.reserve(placed);

        ReservationOutcome retried = reserveStock.reserve(placed);

        assertThat(retried).isEqualTo(new ReservationOutcome.Reserved(
                ((ReservationOutcome.Reserved) lost).announced(), true));
        assertThat(retried.announcements()).extracting(EventEnvelope::eventId)
                .containsExactly(EventIds.derive(eventId(1), "StockReserved"));
        assertThat(retried.announcements()).isEqualTo(lost.announcements());
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
    }

    @Test
    void a_redelivered_refusal_announces_the_same_event_id_as_the_first_decision() {
        ledger.withStock(BEANS, 1).withStock(MUG, 1);
        ReservationOutcome first = reserveStock.reserve(placed);

        ReservationOutcome redelivered = reserveStock.reserve(placed);

        assertThat(redelivered.announcements()).extracting(EventEnvelope::eventId)
                .containsExactly(EventIds.derive(eventId(1), "StockUnavailable"));
        assertThat(redelivered.announcements()).isEqualTo(first.announcements());
    }
}
