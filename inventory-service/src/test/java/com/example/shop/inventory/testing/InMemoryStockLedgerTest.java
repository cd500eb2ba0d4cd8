package com.example.shop.inventory.testing;

/** The in-memory fake keeps the {@link StockLedgerContract}, so tests on it stand for the DynamoDB ledger. */
class InMemoryStockLedgerTest extends StockLedgerContract {

    @Override
    protected StockItemsContract.Books emptyBooks() {
        InMemoryStockLedger ledger = new InMemoryStockLedger();
        return new StockItemsContract.Books(new InMemoryStockItems(ledger), ledger);
    }
}
