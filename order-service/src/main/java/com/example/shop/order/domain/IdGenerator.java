package com.example.shop.order.domain;

/** Source of fresh unique ids (UUIDs in production, predictable ones in tests). */
@FunctionalInterface
public interface IdGenerator {

    String newId();
}
