package com.example.shop.order.handler;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventMetadata;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.Money;
import com.example.shop.events.ProductPriceChanged;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.order.testing.InMemoryPriceList;
import com.example.shop.order.domain.PriceProjection;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The price feed, fed the catalog's golden announcements as an EventBridge rule delivers them to SQS. */
class UpdatePriceTableHandlerTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String BEANS = "prod-espresso-beans-1kg";

    private final InMemoryPriceList book = new InMemoryPriceList();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final UpdatePriceTableHandler handler =
            new UpdatePriceTableHandler(new PriceProjection(book), CODEC, processed, TestObservability.of("order"));

    private static EventEnvelope<DomainEvent> golden(String type) {
        return CODEC.readDetail(GoldenSamples.json(type)).orElseThrow();
    }

    /** The golden sample as if it had happened at another time, under a fresh event id. */
    private static EventEnvelope<DomainEvent> at(EventEnvelope<DomainEvent> event, Instant occurredAt) {
        EventMetadata m = event.metadata();
        return new EventEnvelope<>(new EventMetadata(UUID.randomUUID().toString(), m.eventType(), m.eventVersion(),
                occurredAt, m.source(), m.correlationId(), m.causationId()), event.data());
    }

    @Test
    void product_created_prices_the_product_and_marks_the_event_handled() {
        var created = golden("ProductCreated");

        var response = handler.handleRequest(SqsFixtures.batch(SqsFixtures.message("m-1", created)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(book.priceOf(BEANS)).contains(new Money(1890, "EUR"));
        assertThat(processed.markers()).containsExactly("update-price-table#" + created.eventId());
    }

    @Test
    void an_older_price_change_delivered_after_a_newer_one_does_not_overwrite_it() {
        var changed = golden("ProductPriceChanged");
        var newer = new EventEnvelope<>(new EventMetadata(UUID.randomUUID().toString(), "ProductPriceChanged", 1,
                changed.metadata().occurredAt().plusSeconds(3600), "shop.catalog", "corr-9", "req-9"),
                (DomainEvent) new ProductPriceChanged(BEANS, new Money(1890, "EUR"), new Money(2100, "EUR")));

        var response = handler.handleRequest(SqsFixtures.batch(
                SqsFixtures.message("m-1", newer), SqsFixtures.message("m-2", changed)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(book.priceOf(BEANS)).contains(new Money(2100, "EUR"));
    }

    @Test
    void product_discontinued_removes_the_price_so_new_orders_are_refused() {
        var created = golden("ProductCreated");
        var discontinued = at(golden("ProductDiscontinued"), created.metadata().occurredAt().plusSeconds(60));
        var forBeans = new EventEnvelope<>(discontinued.metadata(),
                (DomainEvent) new com.example.shop.events.ProductDiscontinued(BEANS));

        handler.handleRequest(SqsFixtures.batch(SqsFixtures.message("m-1", created),
                SqsFixtures.message("m-2", forBeans)), null);

        assertThat(book.priceOf(BEANS)).isEmpty();
    }

    @Test
    void a_redelivered_announcement_is_skipped_by_event_id() {
        var created = golden("ProductCreated");
        handler.handleRequest(SqsFixtures.batch(SqsFixtures.message("m-1", created)), null);

        var again = handler.handleRequest(SqsFixtures.batch(SqsFixtures.message("m-2", created)), null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(processed.markers()).hasSize(1);
    }

    @Test
    void a_message_that_is_not_an_event_fails_alone() {
        var response = handler.handleRequest(SqsFixtures.batch(SqsFixtures.message("m-1", "not json"),
                SqsFixtures.message("m-2", golden("ProductCreated"))), null);

        assertThat(response.getBatchItemFailures()).extracting(f -> f.getItemIdentifier()).containsExactly("m-1");
        assertThat(book.priceOf(BEANS)).isPresent();
    }
}
