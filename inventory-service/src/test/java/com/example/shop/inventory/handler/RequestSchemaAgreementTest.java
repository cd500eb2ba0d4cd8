package com.example.shop.inventory.handler;

import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.inventory.testing.InMemoryStockItems;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.platform.testing.SchemaAgreement;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.example.shop.platform.testing.SchemaAgreement.constructs;
import static org.assertj.core.api.Assertions.assertThat;

/** The restock schema and the stock administration accept the same quantities, 1 to 100,000. */
class RequestSchemaAgreementTest {

    @Test
    void a_restock_quantity_is_the_same_range_to_the_schema_and_to_the_stock_administration() {
        InMemoryStockLedger ledger = new InMemoryStockLedger();
        new InMemoryStockItems(ledger).openIfAbsent(new ProductId("beans"));
        StockAdministration administration = new StockAdministration(ledger);
        List<Integer> quantities = List.of(Integer.MIN_VALUE, -1, 0, 1, 2, 99_999, StockAdministration.MAX_RESTOCK_QUANTITY,
                StockAdministration.MAX_RESTOCK_QUANTITY + 1, Integer.MAX_VALUE);

        assertThat(SchemaAgreement.of("schemas/restock-request.json", "{\"quantity\":5}")
                .disagreements("/quantity", quantities, JsonNodeFactory.instance::numberNode,
                        q -> constructs(() -> administration.restock(new ProductId("beans"), q)))).isEmpty();
    }
}
