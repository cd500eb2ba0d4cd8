package com.example.shop.order;

import com.example.shop.order.domain.IdGenerator;

import java.util.concurrent.atomic.AtomicLong;

/** Predictable UUIDs for tests: {@code 00000000-0000-4000-8000-000000000001}, then ...002 and so on. */
public final class SequentialIds implements IdGenerator {

    private final AtomicLong next = new AtomicLong(1);

    /** The id with sequence number {@code n}. */
    public static String id(long n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    @Override
    public String newId() {
        return id(next.getAndIncrement());
    }

    /** The id the next call to {@link #newId()} returns. */
    public String peek() {
        return id(next.get());
    }
}
