package com.example.shop.inventory.domain;

import com.example.shop.inventory.testing.InMemoryStockItems;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.Money;
import com.example.shop.events.ProductCreated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OpenStockItemTest {

    private static final ProductId BEANS = new ProductId("prod-espresso-beans-1kg");

    private final InMemoryStockItems items = new InMemoryStockItems();
    private final OpenStockItem openStockItem = new OpenStockItem(items);

    private static EventEnvelope<ProductCreated> created() {
        return EventEnvelope.of(new ProductCreated(BEANS.value(), "Espresso beans", "cat-coffee",
                new Money(1890, "EUR")), UUID.randomUUID().toString(), Instant.parse("2026-11-20T08:30:00Z"),
                "corr-1", "req-1");
    }

    @Test
    void open_when_the_product_is_new_opens_an_empty_item() {
        assertThat(openStockItem.open(created())).isEqualTo(OpenStockItem.Outcome.OPENED);
        assertThat(items.stockOf(BEANS)).contains(new StockLevel(BEANS, 0, 0));
    }

    @Test
    void open_when_announced_twice_opens_once() {
        openStockItem.open(created());

        assertThat(openStockItem.open(created())).isEqualTo(OpenStockItem.Outcome.ALREADY_OPEN);
        assertThat(items.opened()).containsExactly(BEANS);
    }

    @Test
    void open_when_staff_restocked_first_leaves_the_stock_alone() {
        items.with(new StockLevel(BEANS, 25, 3));

        assertThat(openStockItem.open(created())).isEqualTo(OpenStockItem.Outcome.ALREADY_OPEN);
        assertThat(items.stockOf(BEANS)).contains(new StockLevel(BEANS, 25, 3));
    }
}
