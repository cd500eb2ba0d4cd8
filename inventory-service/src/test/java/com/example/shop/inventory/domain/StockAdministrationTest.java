package com.example.shop.inventory.domain;

import com.example.shop.inventory.testing.InMemoryStockItems;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockAdministrationTest {

    private final InMemoryStockLedger ledger = new InMemoryStockLedger();
    private final StockAdministration administration = new StockAdministration(ledger);
    private final ProductId beans = new ProductId("beans");

    @Test
    void restock_of_a_product_the_catalog_never_announced_is_unknown_and_creates_no_stock_item() {
        assertThat(administration.restock(beans, 5)).isEqualTo(new StockAdministration.UnknownProduct(beans));

        assertThat(administration.stockOf(beans)).isEmpty();
        assertThat(ledger.hasStockItem("beans")).isFalse();
    }

    @Test
    void restock_of_an_opened_stock_item_adds_to_its_free_stock() {
        new InMemoryStockItems(ledger).openIfAbsent(beans);

        StockLevel level = restocked(administration.restock(beans, 5));

        assertThat(level).isEqualTo(new StockLevel(beans, 5, 0));
        assertThat(administration.stockOf(beans)).contains(level);
    }

    @Test
    void restock_adds_to_the_free_stock() {
        new InMemoryStockItems(ledger).openIfAbsent(beans);
        administration.restock(beans, 5);

        assertThat(restocked(administration.restock(beans, 100_000))).isEqualTo(new StockLevel(beans, 100_005, 0));
    }

    private static StockLevel restocked(StockAdministration.RestockOutcome outcome) {
        assertThat(outcome).isInstanceOf(StockAdministration.Restocked.class);
        return ((StockAdministration.Restocked) outcome).level();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 100_001})
    void restock_outside_one_to100000_units_is_refused(int quantity) {
        assertThatThrownBy(() -> administration.restock(beans, quantity)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.hasStockItem("beans")).isFalse();
    }

    @Test
    void a_stock_level_is_never_negative() {
        assertThatThrownBy(() -> new StockLevel(beans, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockLevel(beans, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
