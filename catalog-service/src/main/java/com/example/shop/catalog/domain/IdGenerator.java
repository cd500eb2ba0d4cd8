package com.example.shop.catalog.domain;

/** Fresh unique ids for new categories and products (a random UUID in production). */
@FunctionalInterface
public interface IdGenerator {

    /** A new id, never returned before. */
    String newId();
}
