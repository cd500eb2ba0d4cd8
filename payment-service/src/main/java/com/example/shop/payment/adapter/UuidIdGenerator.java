package com.example.shop.payment.adapter;

import com.example.shop.payment.domain.IdGenerator;

import java.util.UUID;

/** Ids from random (version 4) UUIDs, drawn on each call. */
public final class UuidIdGenerator implements IdGenerator {

    @Override
    public String next() {
        return UUID.randomUUID().toString();
    }
}
