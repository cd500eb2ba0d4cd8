package com.example.shop.shipping.adapter;

import com.example.shop.shipping.domain.IdGenerator;

import java.util.UUID;

/** Ids from random (version 4) UUIDs, drawn on each call. */
public final class UuidIdGenerator implements IdGenerator {

    @Override
    public String next() {
        return UUID.randomUUID().toString();
    }
}
