package com.example.shop.inventory.testing;

import com.example.shop.inventory.domain.StockLedger;

/** The in-memory fake keeps the {@link StockLedgerContract}, so tests on it stand for the DynamoDB ledger. */
class InMemoryStockLedgerTest extends StockLedgerContract {

    @Override
    protected StockLedger emptyLedger() {
        return new InMemoryStockLedger();
    }
}
