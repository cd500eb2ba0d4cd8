package com.example.shop.payment.testing;

import com.example.shop.payment.domain.IdGenerator;

/** Ids {@code id-1}, {@code id-2}, ...: predictable in assertions. */
public final class SequentialIds implements IdGenerator {

    private int next = 1;

    @Override
    public synchronized String next() {
        return "id-" + next++;
    }
}
