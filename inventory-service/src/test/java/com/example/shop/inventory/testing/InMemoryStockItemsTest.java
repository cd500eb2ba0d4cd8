package com.example.shop.inventory.testing;

/** The in-memory fake keeps the {@link StockItemsContract}, so tests on it stand for the DynamoDB items. */
class InMemoryStockItemsTest extends StockItemsContract {

    @Override
    protected Books emptyBooks() {
        InMemoryStockLedger ledger = new InMemoryStockLedger();
        return new Books(new InMemoryStockItems(ledger), ledger);
    }
}
