package com.example.shop.platform.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import com.example.shop.events.IdGenerator;

/**
 * Predictable ids for tests: by default UUIDs {@code 00000000-0000-4000-8000-000000000001}, then
 * ...002 and so on; {@link #series(int)} keeps several kinds of id apart, {@link #prefixed(String)}
 * gives short ones ({@code id-1}, {@code id-2}).
 */
public final class SequentialIds implements IdGenerator {

    private final AtomicLong next = new AtomicLong(1);
    private final LongFunction<String> format;

    public SequentialIds() {
        this(SequentialIds::id);
    }

    private SequentialIds(LongFunction<String> format) {
        this.format = format;
    }

    /** Ids {@code prefix + 1}, {@code prefix + 2}, ... */
    public static SequentialIds prefixed(String prefix) {
        return new SequentialIds(n -> prefix + n);
    }

    /**
     * UUID-shaped ids of their own series, for a test that draws several kinds of id and wants
     * to tell them apart: series 3 gives {@code 00000003-0000-4000-8000-000000000001}, ...
     */
    public static SequentialIds series(int series) {
        return new SequentialIds(n -> "%08x-0000-4000-8000-%012d".formatted(series, n));
    }

    /** The UUID with sequence number {@code n}. */
    public static String id(long n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    @Override
    public String newId() {
        return format.apply(next.getAndIncrement());
    }

    /** The id the next call to {@link #newId()} returns. */
    public String peek() {
        return format.apply(next.get());
    }
}
