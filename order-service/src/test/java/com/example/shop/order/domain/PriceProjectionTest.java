package com.example.shop.order.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.Money;
import com.example.shop.events.ProductCreated;
import com.example.shop.events.ProductDiscontinued;
import com.example.shop.events.ProductPriceChanged;
import com.example.shop.order.testing.InMemoryPriceList;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The order service's price list follows the catalog's announcements, whatever order they come in. */
class PriceProjectionTest {

    private static final String BEANS = "prod-espresso-beans-1kg";
    private static final Instant T0 = Instant.parse("2026-11-20T08:30:00Z");

    private final InMemoryPriceList book = new InMemoryPriceList();
    private final PriceProjection projection = new PriceProjection(book);

    private static Money euros(long cents) {
        return new Money(cents, "EUR");
    }

    private static EventEnvelope<ProductCreated> created(long cents, Instant at) {
        return EventEnvelope.of(new ProductCreated(BEANS, "Espresso beans", "cat-coffee", euros(cents)),
                UUID.randomUUID().toString(), at, "corr-1", "req-1");
    }

    private static EventEnvelope<ProductPriceChanged> changed(long from, long to, Instant at) {
        return EventEnvelope.of(new ProductPriceChanged(BEANS, euros(from), euros(to)),
                UUID.randomUUID().toString(), at, "corr-2", "req-2");
    }

    private static EventEnvelope<ProductDiscontinued> discontinued(Instant at) {
        return EventEnvelope.of(new ProductDiscontinued(BEANS), UUID.randomUUID().toString(), at, "corr-3", "req-3");
    }

    @Test
    void a_new_product_gets_its_price() {
        assertThat(projection.productCreated(created(1890, T0))).isEqualTo(PriceProjection.Outcome.APPLIED);
        assertThat(book.priceOf(BEANS)).contains(euros(1890));
    }

    @Test
    void a_price_change_replaces_the_price() {
        projection.productCreated(created(1890, T0));

        projection.priceChanged(changed(1890, 1990, T0.plusSeconds(60)));

        assertThat(book.priceOf(BEANS)).contains(euros(1990));
    }

    @Test
    void an_older_announcement_never_overwrites_a_newer_price() {
        projection.priceChanged(changed(1990, 2100, T0.plusSeconds(120)));

        var lateChange = projection.priceChanged(changed(1890, 1990, T0.plusSeconds(60)));
        var lateCreation = projection.productCreated(created(1890, T0));

        assertThat(lateChange).isEqualTo(PriceProjection.Outcome.SUPERSEDED);
        assertThat(lateCreation).isEqualTo(PriceProjection.Outcome.SUPERSEDED);
        assertThat(book.priceOf(BEANS)).contains(euros(2100));
    }

    @Test
    void the_same_announcement_twice_is_applied_once() {
        var event = created(1890, T0);

        assertThat(projection.productCreated(event)).isEqualTo(PriceProjection.Outcome.APPLIED);
        assertThat(projection.productCreated(event)).isEqualTo(PriceProjection.Outcome.SUPERSEDED);
    }

    @Test
    void a_discontinued_product_loses_its_price() {
        projection.productCreated(created(1890, T0));

        assertThat(projection.productDiscontinued(discontinued(T0.plusSeconds(60))))
                .isEqualTo(PriceProjection.Outcome.APPLIED);
        assertThat(book.priceOf(BEANS)).isEmpty();
    }

    @Test
    void a_late_announcement_older_than_the_discontinuation_does_not_price_the_product_again() {
        projection.productDiscontinued(discontinued(T0.plusSeconds(120)));

        projection.productCreated(created(1890, T0));
        projection.priceChanged(changed(1890, 1990, T0.plusSeconds(60)));

        assertThat(book.priceOf(BEANS)).isEmpty();
    }

    @Test
    void a_discontinuation_older_than_the_current_price_is_superseded() {
        projection.priceChanged(changed(1890, 1990, T0.plusSeconds(120)));

        assertThat(projection.productDiscontinued(discontinued(T0.plusSeconds(60))))
                .isEqualTo(PriceProjection.Outcome.SUPERSEDED);
        assertThat(book.priceOf(BEANS)).contains(euros(1990));
    }
}
