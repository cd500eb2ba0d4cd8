package com.example.shop.catalog.testing;

import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.CatalogReadModelContract;

/** The in-memory read model keeps the same contract as the DynamoDB adapter. */
class InMemoryCatalogReadModelTest extends CatalogReadModelContract {

    @Override
    protected CatalogReadModel emptyReadModel() {
        return new InMemoryCatalogReadModel();
    }
}
