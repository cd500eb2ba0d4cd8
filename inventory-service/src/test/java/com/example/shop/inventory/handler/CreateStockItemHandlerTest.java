package com.example.shop.inventory.handler;

import com.example.shop.inventory.domain.OpenStockItem;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockLevel;
import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.inventory.testing.InMemoryStockItems;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.inventory.handler.Fixtures.CODEC;
import static com.example.shop.inventory.handler.Fixtures.failedMessageIds;
import static com.example.shop.inventory.handler.Fixtures.golden;
import static com.example.shop.inventory.handler.Fixtures.sqs;
import static com.example.shop.inventory.handler.Fixtures.withEventId;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog feed of inventory, fed the golden {@code ProductCreated} as an EventBridge rule delivers it. */
class CreateStockItemHandlerTest {

    private static final ProductId BEANS = new ProductId("prod-espresso-beans-1kg");

    private final InMemoryStockItems items = new InMemoryStockItems();
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final CreateStockItemHandler handler =
            new CreateStockItemHandler(new OpenStockItem(items), CODEC, processed, TestObservability.of("inventory"));

    @Test
    void product_created_opens_an_empty_stock_item() {
        var response = handler.handleRequest(sqs(golden("ProductCreated")), Fixtures.context());

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(items.stockOf(BEANS)).contains(new StockLevel(BEANS, 0, 0));
    }

    @Test
    void product_created_delivered_twice_opens_the_item_once() {
        handler.handleRequest(sqs(golden("ProductCreated")), Fixtures.context());
        handler.handleRequest(sqs(golden("ProductCreated")), Fixtures.context());

        assertThat(items.opened()).containsExactly(BEANS);
    }

    @Test
    void product_created_republished_under_another_id_or_after_the_marker_expired_still_opens_once() {
        handler.handleRequest(sqs(golden("ProductCreated")), Fixtures.context());
        processed.forget();

        var response = handler.handleRequest(sqs(withEventId(golden("ProductCreated"),
                "0f1e2d3c-4b5a-4697-8877-665544332211")), Fixtures.context());

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(items.opened()).containsExactly(BEANS);
    }

    @Test
    void other_catalog_events_are_acknowledged_unhandled() {
        var response = handler.handleRequest(sqs(golden("ProductPriceChanged"), golden("ProductDiscontinued")), Fixtures.context());

        assertThat(failedMessageIds(response)).isEmpty();
        assertThat(items.opened()).isEmpty();
    }
}
