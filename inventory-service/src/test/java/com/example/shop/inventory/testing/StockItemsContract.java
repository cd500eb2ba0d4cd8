package com.example.shop.inventory.testing;

import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockItems;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.inventory.domain.StockLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link StockItems} does, the DynamoDB one and the in-memory fake alike: the item it
 * opens is the one the {@link StockLedger} of the same books restocks and reads, it is opened
 * once, and an item that exists is never touched.
 *
 * <p>A subclass says how to get empty books, seen through both ports.
 */
public abstract class StockItemsContract {

    private static final ProductId BEANS = new ProductId("prod-espresso-beans-1kg");

    private StockItems items;
    private StockLedger ledger;

    /** Empty books: the stock items under test and the ledger that keeps them. */
    public record Books(StockItems items, StockLedger ledger) {
    }

    /** Books with no stock item yet. */
    protected abstract Books emptyBooks();

    @BeforeEach
    void startEmpty() {
        Books books = emptyBooks();
        items = books.items();
        ledger = books.ledger();
    }

    @Test
    void open_if_absent_opens_an_empty_item_the_ledger_reads_and_restocks() {
        assertThat(items.openIfAbsent(BEANS)).isTrue();

        assertThat(ledger.stockOf(BEANS)).contains(new StockLevel(BEANS, 0, 0));
        assertThat(ledger.restock(BEANS, 5)).contains(new StockLevel(BEANS, 5, 0));
    }

    @Test
    void open_if_absent_second_time_changes_nothing() {
        items.openIfAbsent(BEANS);
        ledger.restock(BEANS, 7);

        assertThat(items.openIfAbsent(BEANS)).isFalse();
        assertThat(ledger.stockOf(BEANS)).contains(new StockLevel(BEANS, 7, 0));
    }

    @Test
    void a_restock_before_the_item_is_opened_opens_nothing_and_the_item_opens_empty() {
        assertThat(ledger.restock(BEANS, 12)).isEmpty();

        assertThat(items.openIfAbsent(BEANS)).isTrue();
        assertThat(ledger.stockOf(BEANS)).contains(new StockLevel(BEANS, 0, 0));
    }
}
