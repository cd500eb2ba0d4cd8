package com.example.shop.catalog.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventMetadata;
import com.example.shop.events.ProductCreated;
import com.example.shop.events.ProductDiscontinued;
import com.example.shop.events.ProductPriceChanged;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.NOW;
import static com.example.shop.catalog.CatalogFixtures.ORIGIN;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static org.assertj.core.api.Assertions.assertThat;

/** Which facts each product change announces, and that announcing it again gives the same events. */
class ProductAnnouncementsTest {

    /** The shop's one event-id rule, as every consumer of the catalog's events relies on it. */
    private static String derivedId(String cause, String eventType) {
        return UUID.nameUUIDFromBytes((cause + "|" + eventType).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void a_new_product_is_announced_as_product_created_with_the_origin_of_its_write() {
        var events = ProductAnnouncements.of(new CatalogChange.ProductChanged(Optional.empty(), BEANS, ORIGIN));

        assertThat(events).containsExactly(new EventEnvelope<>(
                new EventMetadata(derivedId("prod-espresso-beans-1kg@1", "ProductCreated"), "ProductCreated", 1,
                        NOW, "shop.catalog", "corr-1", "req-1"),
                new ProductCreated("prod-espresso-beans-1kg", "Espresso beans, 1 kg", "cat-coffee", euros(1890))));
    }

    @Test
    void a_new_price_is_announced_with_the_old_and_the_new_price() {
        var events = ProductAnnouncements.of(new CatalogChange.ProductChanged(Optional.of(BEANS),
                BEANS.repriced(euros(1990)), ORIGIN));

        assertThat(events).<Object>extracting(EventEnvelope::data)
                .containsExactly(new ProductPriceChanged("prod-espresso-beans-1kg", euros(1890), euros(1990)));
        assertThat(events.getFirst().eventId()).isEqualTo(derivedId("prod-espresso-beans-1kg@2", "ProductPriceChanged"));
    }

    @Test
    void the_end_of_sale_is_announced_as_product_discontinued() {
        var events = ProductAnnouncements.of(new CatalogChange.ProductChanged(Optional.of(BEANS), BEANS.discontinued(), ORIGIN));

        assertThat(events).<Object>extracting(EventEnvelope::data)
                .containsExactly(new ProductDiscontinued("prod-espresso-beans-1kg"));
    }

    @Test
    void a_write_that_changed_neither_price_nor_status_announces_nothing() {
        Product sameFacts = new Product(BEANS.id(), BEANS.name(), "A new description", BEANS.categoryId(),
                BEANS.price(), BEANS.status(), 2);

        assertThat(ProductAnnouncements.of(new CatalogChange.ProductChanged(Optional.of(BEANS), sameFacts, ORIGIN))).isEmpty();
    }

    @Test
    void categories_announce_nothing() {
        assertThat(ProductAnnouncements.of(new CatalogChange.CategoryChanged(Optional.empty(), COFFEE, ORIGIN))).isEmpty();
    }

    @Test
    void announcing_the_same_change_again_gives_identical_events() {
        var change = new CatalogChange.ProductChanged(Optional.of(BEANS), BEANS.repriced(euros(1990)), ORIGIN);

        assertThat(ProductAnnouncements.of(change)).isEqualTo(ProductAnnouncements.of(change));
    }

    @Test
    void each_version_gets_its_own_event_id() {
        Product second = BEANS.repriced(euros(1990));
        var first = ProductAnnouncements.of(new CatalogChange.ProductChanged(Optional.of(BEANS), second, ORIGIN));
        var next = ProductAnnouncements.of(new CatalogChange.ProductChanged(Optional.of(second), second.repriced(euros(1890)),
                ORIGIN));

        assertThat(first.getFirst().eventId()).isNotEqualTo(next.getFirst().eventId());
    }
}
