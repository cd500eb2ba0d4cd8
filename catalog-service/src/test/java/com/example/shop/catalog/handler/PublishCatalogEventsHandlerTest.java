package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.shop.catalog.domain.ProductStatus;
import com.example.shop.catalog.domain.Product;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.ProductCreated;
import com.example.shop.events.ProductDiscontinued;
import com.example.shop.events.ProductPriceChanged;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.JsonRequestValidator;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static com.example.shop.catalog.CatalogFixtures.originAt;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.image;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.insert;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.modify;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.record;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox publisher fed stream records of the catalog table. */
class PublishCatalogEventsHandlerTest {

    private final InMemoryEventPublisher bus = new InMemoryEventPublisher();
    /** How often the outbox called the bus, accepted or not; {@link #failCall} makes one call fail. */
    private int calls;
    private int failCall;
    private final EventPublisher countingBus = events -> {
        if (++calls == failCall) {
            bus.failNext(1);
        }
        bus.publish(events);
    };
    private final PublishCatalogEventsHandler handler =
            new PublishCatalogEventsHandler(countingBus, TestObservability.of("catalog"));

    private final Product repriced = BEANS.repriced(euros(1990));

    private static List<String> failed(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void a_new_product_from_the_stream_fixture_is_announced_as_the_golden_product_created() {
        var response = handler.handleRequest(EventLoader.loadDynamoDbEvent("events/streams/product-created-insert.json"), null);

        assertThat(failed(response)).isEmpty();
        EventEnvelope<?> golden = new EventCodec().readDetail(GoldenSamples.json("ProductCreated")).orElseThrow();
        EventEnvelope<?> published = bus.published().getFirst();
        assertThat(bus.published()).hasSize(1);
        assertThat(published.data()).isEqualTo(golden.data());
        assertThat(published.metadata()).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(golden.metadata());
        assertThat(published.eventId()).isEqualTo(EventIds.derive("prod-espresso-beans-1kg@1", "ProductCreated"));
    }

    @Test
    void an_inserted_product_publishes_product_created_with_the_origin_of_its_write() {
        handler.handleRequest(stream(insert("1", BEANS, originAt(0))), null);

        EventEnvelope<?> event = bus.published().getFirst();
        assertThat(event.data()).isEqualTo(new ProductCreated("prod-espresso-beans-1kg", "Espresso beans, 1 kg",
                "cat-coffee", euros(1890)));
        assertThat(event.metadata().occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30Z"));
        assertThat(event.metadata().correlationId()).isEqualTo("corr-1");
        assertThat(event.metadata().causationId()).isEqualTo("req-1");
    }

    @Test
    void a_price_change_publishes_product_price_changed_with_old_and_new_price() {
        var response = handler.handleRequest(stream(modify("2", BEANS, originAt(0), repriced, originAt(60))), null);

        assertThat(failed(response)).isEmpty();
        assertThat(bus.published()).<Object>extracting(EventEnvelope::data)
                .containsExactly(new ProductPriceChanged("prod-espresso-beans-1kg", euros(1890), euros(1990)));
    }

    @Test
    void discontinuing_publishes_product_discontinued() {
        handler.handleRequest(stream(modify("3", BEANS, originAt(0), BEANS.discontinued(), originAt(60))), null);

        assertThat(bus.published()).<Object>extracting(EventEnvelope::data)
                .containsExactly(new ProductDiscontinued("prod-espresso-beans-1kg"));
    }

    @Test
    void a_modification_that_changes_neither_price_nor_status_publishes_nothing() {
        Product described = new Product(BEANS.id(), BEANS.name(), "Now with tasting notes", BEANS.categoryId(),
                BEANS.price(), ProductStatus.ACTIVE, 2);

        var response = handler.handleRequest(stream(modify("4", BEANS, originAt(0), described, originAt(60))), null);

        assertThat(failed(response)).isEmpty();
        assertThat(calls).isZero();
    }

    @Test
    void categories_and_removals_publish_nothing() {
        var response = handler.handleRequest(stream(insert("5", COFFEE, originAt(0)),
                modify("6", COFFEE, originAt(0), COFFEE.renamed("Kaffee"), originAt(60)),
                record("REMOVE", "7", image(BEANS, originAt(0)), null)), null);

        assertThat(failed(response)).isEmpty();
        assertThat(calls).isZero();
    }

    @Test
    void when_publishing_fails_that_record_is_the_only_failure_and_later_records_wait() {
        failCall = 2;

        var response = handler.handleRequest(stream(insert("10", BEANS, originAt(0)),
                modify("11", BEANS, originAt(0), repriced, originAt(60)),
                modify("12", repriced, originAt(60), repriced.discontinued(), originAt(120))), null);

        assertThat(failed(response)).containsExactly("11");
        assertThat(bus.publishedTypes()).containsExactly("ProductCreated");
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void the_retried_batch_republishes_the_same_event_ids() {
        var batch = stream(insert("20", BEANS, originAt(0)), modify("21", BEANS, originAt(0), repriced, originAt(60)));
        handler.handleRequest(batch, null);

        handler.handleRequest(batch, null);

        List<EventEnvelope<?>> published = bus.published();
        assertThat(published).hasSize(4);
        assertThat(published.subList(2, 4)).isEqualTo(published.subList(0, 2));
    }

    @Test
    void every_announcement_satisfies_the_shared_event_schema() {
        handler.handleRequest(stream(insert("40", BEANS, originAt(0)),
                modify("41", BEANS, originAt(0), repriced, originAt(60)),
                modify("42", repriced, originAt(60), repriced.discontinued(), originAt(120))), null);

        assertThat(bus.publishedTypes()).containsExactly("ProductCreated", "ProductPriceChanged", "ProductDiscontinued");
        for (EventEnvelope<?> event : bus.published()) {
            String schema = GoldenSamples.schemaResourceName(event.metadata().eventType(), event.metadata().eventVersion());
            assertThat(JsonRequestValidator.forSchema(schema).validate(new EventCodec().toDetail(event)))
                    .as("%s against %s", event.metadata().eventType(), schema)
                    .isInstanceOf(JsonRequestValidator.Valid.class);
        }
    }

    @Test
    void an_image_that_cannot_be_read_fails_its_own_record_and_keeps_the_earlier_ones_published() {
        var broken = image(repriced, originAt(60));
        broken.remove("currency");

        var response = handler.handleRequest(stream(insert("30", BEANS, originAt(0)),
                record("MODIFY", "31", image(BEANS, originAt(0)), broken),
                insert("32", BEANS, originAt(0))), null);

        assertThat(failed(response)).containsExactly("31");
        assertThat(bus.publishedTypes()).containsExactly("ProductCreated");
    }
}
