package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReleased;
import com.example.shop.inventory.domain.CancelledBeforeReservation;
import com.example.shop.inventory.domain.ReleaseStock;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.example.shop.inventory.handler.Fixtures.CODEC;
import static com.example.shop.inventory.handler.Fixtures.assertMatchesContract;
import static com.example.shop.inventory.handler.Fixtures.eventIdOf;
import static com.example.shop.inventory.handler.Fixtures.failedMessageIds;
import static com.example.shop.inventory.handler.Fixtures.golden;
import static com.example.shop.inventory.handler.Fixtures.sqs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release-stock function fed the golden {@code PaymentDeclined}, {@code PaymentFailed},
 * {@code OrderCancelled} and {@code ShipmentFailed} of the golden order, whose stock
 * (2 × beans, 1 × mug) may or may not be held.
 */
class ReleaseStockHandlerTest {

    private static final String BEANS = "prod-espresso-beans-1kg";
    private static final String MUG = "prod-ceramic-mug-350ml";
    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:16:00Z"), ZoneOffset.UTC);
    private final InMemoryStockLedger ledger = new InMemoryStockLedger().withStock(BEANS, 10).withStock(MUG, 5);
    /** What the release-stock function publishes. */
    private final InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    /** What the reserve-stock function publishes (the test's set-up, kept apart). */
    private final InMemoryEventPublisher reservePublisher = new InMemoryEventPublisher();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final ReleaseStockHandler handler = new ReleaseStockHandler(new ReleaseStock(ledger, clock), CODEC,
            processed, publisher, TestObservability.of("inventory"));
    private final ReserveStockHandler reserve = new ReserveStockHandler(new ReserveStock(ledger, clock), CODEC,
            new InMemoryProcessedEvents(), reservePublisher, TestObservability.of("inventory"));

    @ParameterizedTest
    @ValueSource(strings = {"PaymentDeclined", "PaymentFailed", "OrderCancelled", "ShipmentFailed"})
    void a_held_reservation_is_given_back_and_stock_released_names_the_trigger(String trigger) {
        reserveTheGoldenOrder();
        String cause = golden(trigger);

        SQSBatchResponse response = handler.handleRequest(sqs(cause), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        EventEnvelope<?> event = onlyPublished();
        StockReleased released = (StockReleased) event.data();
        assertThat(event.eventId()).isEqualTo(EventIds.derive(eventIdOf(cause), "StockReleased"));
        assertThat(released.reason()).isEqualTo(trigger);
        assertThat(released.lines()).containsExactly(new ReservedLine(BEANS, 2), new ReservedLine(MUG, 1));
        assertMatchesContract(event);
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
        assertThat(ledger.available(MUG)).isEqualTo(5);
        assertThat(ledger.reserved(MUG)).isZero();
    }

    @Test
    void stock_is_released_only_once_a_later_trigger_republishes_the_same_stock_released() {
        reserveTheGoldenOrder();
        String declined = golden("PaymentDeclined");

        handler.handleRequest(sqs(declined), Fixtures.context());
        handler.handleRequest(sqs(golden("OrderCancelled")), Fixtures.context());

        String expectedId = EventIds.derive(eventIdOf(declined), "StockReleased");
        assertThat(publisher.published()).extracting(EventEnvelope::eventId).containsExactly(expectedId, expectedId);
        assertThat(((StockReleased) publisher.published().get(1).data()).reason()).isEqualTo("PaymentDeclined");
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @Test
    void a_cancellation_and_a_shipment_failure_both_arriving_release_the_stock_once() {
        reserveTheGoldenOrder();
        String cancelled = golden("OrderCancelled");

        SQSBatchResponse response = handler.handleRequest(sqs(cancelled, golden("ShipmentFailed")), Fixtures.context());
        handler.handleRequest(sqs(golden("ShipmentFailed")), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        String expectedId = EventIds.derive(eventIdOf(cancelled), "StockReleased");
        assertThat(publisher.published()).extracting(EventEnvelope::eventId).containsExactly(expectedId, expectedId);
        assertThat(publisher.published()).extracting(e -> ((StockReleased) e.data()).reason())
                .containsOnly("OrderCancelled");
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
        assertThat(ledger.available(MUG)).isEqualTo(5);
        assertThat(ledger.reserved(MUG)).isZero();
    }

    @Test
    void a_redelivery_after_a_failed_publish_republishes_the_same_event_id_without_touching_stock_again() {
        reserveTheGoldenOrder();
        publisher.failNext(1);
        SQSEvent batch = sqs(golden("PaymentFailed"));

        SQSBatchResponse first = handler.handleRequest(batch, Fixtures.context());
        SQSBatchResponse redelivery = handler.handleRequest(batch, Fixtures.context());

        assertThat(failedMessageIds(first)).hasSize(1);
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(onlyPublished().eventId())
                .isEqualTo(EventIds.derive(eventIdOf(golden("PaymentFailed")), "StockReleased"));
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PaymentDeclined", "PaymentFailed", "ShipmentFailed"})
    void without_a_reservation_a_payment_or_shipping_event_releases_nothing_and_publishes_nothing(String trigger) {
        SQSBatchResponse response = handler.handleRequest(sqs(golden(trigger)), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).isEmpty();
        assertThat(ledger.recordOf(ORDER_ID)).isEmpty();
        assertThat(ledger.available(BEANS)).isEqualTo(10);
    }

    @Test
    void without_a_reservation_a_cancellation_publishes_nothing_but_stops_the_late_order() {
        SQSBatchResponse response = handler.handleRequest(sqs(golden("OrderCancelled")), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).isEmpty();
        assertThat(ledger.recordOf(ORDER_ID)).get()
                .isInstanceOf(CancelledBeforeReservation.class);

        reserve.handleRequest(sqs(golden("OrderPlaced")), Fixtures.context());

        assertThat(publisher.published()).isEmpty();
        assertThat(reservePublisher.published()).isEmpty();
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @Test
    void an_order_that_was_refused_has_nothing_to_release() {
        InMemoryStockLedger ledgerWithoutStock = new InMemoryStockLedger();
        new ReserveStockHandler(new ReserveStock(ledgerWithoutStock, clock), CODEC, new InMemoryProcessedEvents(),
                reservePublisher, TestObservability.of("inventory"))
                .handleRequest(sqs(golden("OrderPlaced")), Fixtures.context());
        ReleaseStockHandler releaseOnEmpty = new ReleaseStockHandler(new ReleaseStock(ledgerWithoutStock, clock),
                CODEC, processed, publisher, TestObservability.of("inventory"));

        SQSBatchResponse response = releaseOnEmpty.handleRequest(sqs(golden("OrderCancelled")), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).isEmpty();
    }

    private void reserveTheGoldenOrder() {
        reserve.handleRequest(sqs(golden("OrderPlaced")), Fixtures.context());
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
    }

    private EventEnvelope<?> onlyPublished() {
        assertThat(publisher.published()).hasSize(1);
        return publisher.published().getFirst();
    }
}
