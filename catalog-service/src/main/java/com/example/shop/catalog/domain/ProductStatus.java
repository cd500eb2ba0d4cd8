package com.example.shop.catalog.domain;

/** Whether a product is for sale. Discontinuing is final: a discontinued product never returns. */
public enum ProductStatus {
    /** For sale: listed in its category and priced for orders. */
    ACTIVE,
    /** Withdrawn from sale: still readable by id, no longer listed or orderable. */
    DISCONTINUED
}
