package com.example.shop.shipping.domain;

/**
 * A source of fresh unique ids, asked at the moment an id is needed (never at init, where
 * SnapStart would freeze it into every restored environment).
 */
@FunctionalInterface
public interface IdGenerator {

    /** A new id that no other call has returned. */
    String next();
}
