package com.example.shop.catalog.testing;

import com.example.shop.catalog.domain.CatalogRepository;
import com.example.shop.catalog.domain.CatalogRepositoryContract;

/** The in-memory write model keeps the same contract as the DynamoDB adapter. */
class InMemoryCatalogRepositoryTest extends CatalogRepositoryContract {

    @Override
    protected CatalogRepository emptyRepository() {
        return new InMemoryCatalogRepository();
    }
}
