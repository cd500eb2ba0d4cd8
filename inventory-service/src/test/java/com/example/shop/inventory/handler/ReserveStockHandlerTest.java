package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;
import com.example.shop.inventory.domain.ReleaseStock;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.example.shop.inventory.handler.Fixtures.CODEC;
import static com.example.shop.inventory.handler.Fixtures.assertMatchesContract;
import static com.example.shop.inventory.handler.Fixtures.failedMessageIds;
import static com.example.shop.inventory.handler.Fixtures.golden;
import static com.example.shop.inventory.handler.Fixtures.sqs;
import static com.example.shop.inventory.handler.Fixtures.withEventId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reserve-stock function fed the golden {@code OrderPlaced} (2 × espresso beans, 1 × mug) the
 * way the rule delivers it: an EventBridge event in an SQS message.
 */
class ReserveStockHandlerTest {

    private static final String BEANS = "prod-espresso-beans-1kg";
    private static final String MUG = "prod-ceramic-mug-350ml";
    private static final String PLACED = golden("OrderPlaced");
    private static final String PLACED_ID = Fixtures.eventIdOf(PLACED);
    private static final String REPUBLISHED_ID = "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:15:31Z"), ZoneOffset.UTC);
    private final InMemoryStockLedger ledger = new InMemoryStockLedger();
    private final InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final ReserveStockHandler handler = new ReserveStockHandler(
            new ReserveStock(ledger, clock), CODEC, processed, publisher, TestObservability.of("inventory"));

    @Test
    void reserves_every_line_and_publishes_stock_reserved_carrying_what_payment_and_shipping_need() {
        ledger.withStock(BEANS, 10).withStock(MUG, 5);

        SQSBatchResponse response = handler.handleRequest(sqs(PLACED), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        EventEnvelope<?> event = onlyPublished();
        OrderPlaced order = (OrderPlaced) Fixtures.read(PLACED).data();
        StockReserved reserved = (StockReserved) event.data();
        assertThat(event.eventId()).isEqualTo(EventIds.derive(PLACED_ID, "StockReserved"));
        assertThat(event.metadata().causationId()).isEqualTo(PLACED_ID);
        assertThat(reserved.lines()).containsExactly(new ReservedLine(BEANS, 2), new ReservedLine(MUG, 1));
        assertThat(reserved.total()).isEqualTo(order.total());
        assertThat(reserved.paymentMethodRef()).isEqualTo(order.paymentMethodRef());
        assertThat(reserved.shippingAddress()).isEqualTo(order.shippingAddress());
        assertMatchesContract(event);
        assertThat(ledger.available(BEANS)).isEqualTo(8);
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
        assertThat(ledger.available(MUG)).isEqualTo(4);
        assertThat(processed.contains("reserve-stock", PLACED_ID)).isTrue();
    }

    @Test
    void out_of_stock_publishes_stock_unavailable_naming_each_short_line_with_requested_and_available() {
        ledger.withStock(BEANS, 1);

        SQSBatchResponse response = handler.handleRequest(sqs(PLACED), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        EventEnvelope<?> event = onlyPublished();
        assertThat(event.data()).isInstanceOf(StockUnavailable.class);
        assertThat(((StockUnavailable) event.data()).lines())
                .containsExactly(new UnavailableLine(BEANS, 2, 1), new UnavailableLine(MUG, 1, 0));
        assertThat(event.eventId()).isEqualTo(EventIds.derive(PLACED_ID, "StockUnavailable"));
        assertMatchesContract(event);
        assertThat(ledger.available(BEANS)).isEqualTo(1);
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @Test
    void the_same_event_delivered_twice_is_handled_once() {
        ledger.withStock(BEANS, 10).withStock(MUG, 5);

        handler.handleRequest(sqs(PLACED), Fixtures.context());
        SQSBatchResponse second = handler.handleRequest(sqs(PLACED), Fixtures.context());

        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).hasSize(1);
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
    }

    @Test
    void the_same_event_redelivered_after_a_failed_publish_reserves_nothing_more_and_publishes_the_same_event_id() {
        ledger.withStock(BEANS, 10).withStock(MUG, 5);
        publisher.failNext(1);
        SQSEvent batch = sqs(PLACED);

        SQSBatchResponse first = handler.handleRequest(batch, Fixtures.context());
        SQSBatchResponse redelivery = handler.handleRequest(batch, Fixtures.context());

        assertThat(failedMessageIds(first)).containsExactly(batch.getRecords().getFirst().getMessageId());
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(onlyPublished().eventId()).isEqualTo(EventIds.derive(PLACED_ID, "StockReserved"));
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
        assertThat(ledger.available(BEANS)).isEqualTo(8);
    }

    @Test
    void the_same_event_redelivered_after_a_crash_before_its_marker_publishes_the_same_event_id_again() {
        ledger.withStock(BEANS, 10).withStock(MUG, 5);

        handler.handleRequest(sqs(PLACED), Fixtures.context());
        processed.forget();
        handler.handleRequest(sqs(PLACED), Fixtures.context());

        String expectedId = EventIds.derive(PLACED_ID, "StockReserved");
        assertThat(publisher.published()).extracting(EventEnvelope::eventId).containsExactly(expectedId, expectedId);
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
    }

    @Test
    void the_same_order_under_another_event_id_reserves_nothing_more_and_republishes_the_first_stock_reserved() {
        ledger.withStock(BEANS, 10).withStock(MUG, 5);

        handler.handleRequest(sqs(PLACED), Fixtures.context());
        SQSBatchResponse republished = handler.handleRequest(sqs(withEventId(PLACED, REPUBLISHED_ID)), Fixtures.context());

        assertThat(republished.getBatchItemFailures()).isEmpty();
        String expectedId = EventIds.derive(PLACED_ID, "StockReserved");
        assertThat(publisher.published()).extracting(EventEnvelope::eventId).containsExactly(expectedId, expectedId);
        assertThat(publisher.published().get(1)).isEqualTo(publisher.published().get(0));
        assertThat(ledger.reserved(BEANS)).isEqualTo(2);
        assertThat(ledger.available(BEANS)).isEqualTo(8);
        assertThat(processed.contains("reserve-stock", REPUBLISHED_ID)).isTrue();
    }

    @Test
    void an_order_whose_cancellation_arrived_first_reserves_nothing_and_publishes_nothing() {
        ledger.withStock(BEANS, 10).withStock(MUG, 5);
        ReleaseStockHandler release = new ReleaseStockHandler(new ReleaseStock(ledger, clock), CODEC,
                new InMemoryProcessedEvents(), publisher, TestObservability.of("inventory"));
        release.handleRequest(sqs(golden("OrderCancelled")), Fixtures.context());

        SQSBatchResponse response = handler.handleRequest(sqs(PLACED), Fixtures.context());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publisher.published()).isEmpty();
        assertThat(ledger.available(BEANS)).isEqualTo(10);
        assertThat(ledger.reserved(BEANS)).isZero();
    }

    @Test
    void a_message_that_is_not_an_event_fails_alone_and_the_rest_of_the_batch_is_handled() {
        ledger.withStock(BEANS, 10).withStock(MUG, 5);
        SQSEvent.SQSMessage garbage = Fixtures.message("not json");
        SQSEvent.SQSMessage placed = sqs(PLACED).getRecords().getFirst();

        SQSBatchResponse response = handler.handleRequest(Fixtures.batch(garbage, placed), Fixtures.context());

        assertThat(failedMessageIds(response)).containsExactly(garbage.getMessageId());
        assertThat(onlyPublished().data()).isInstanceOf(StockReserved.class);
    }

    private EventEnvelope<?> onlyPublished() {
        assertThat(publisher.published()).hasSize(1);
        return publisher.published().getFirst();
    }
}
