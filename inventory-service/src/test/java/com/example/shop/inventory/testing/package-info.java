/**
 * In-memory fakes of the inventory service's ports, and the contracts each fake shares with the
 * DynamoDB adapter it stands in for ({@link com.example.shop.inventory.testing.StockLedgerContract},
 * {@link com.example.shop.inventory.testing.StockItemsContract}). Published in the module's
 * test-jar, so that the saga scenario test can run inventory's use cases on the same fakes.
 */
package com.example.shop.inventory.testing;
