package com.example.shop.catalog.domain;

/**
 * One entry of the catalog's write model: a category or a product, each carrying the version
 * that every change increments (optimistic locking, and the order of changes for the read model).
 */
public sealed interface CatalogEntry permits Category, Product {

    /** 1 when created, one more with every change. */
    long version();
}
