package com.example.shop.inventory.domain;

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
    void restock_of_an_unknown_product_creates_its_stock_item() {
        assertThat(administration.stockOf(beans)).isEmpty();

        StockLevel level = administration.restock(beans, 5);

        assertThat(level).isEqualTo(new StockLevel(beans, 5, 0));
        assertThat(administration.stockOf(beans)).contains(level);
    }

    @Test
    void restock_adds_to_the_free_stock() {
        administration.restock(beans, 5);

        assertThat(administration.restock(beans, 100_000)).isEqualTo(new StockLevel(beans, 100_005, 0));
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
