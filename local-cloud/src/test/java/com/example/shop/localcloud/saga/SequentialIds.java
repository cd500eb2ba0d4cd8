package com.example.shop.localcloud.saga;

/**
 * A source of predictable ids in the shape of UUIDs, numbered in the order they are asked for:
 * the first group names the series (one per source: orders, requests, payments,
 * shipments), the last counts, e.g.
 * {@code 00000001-0000-4000-8000-000000000003}.
 *
 * <p>Ids are UUID-shaped because order ids and event ids must be UUIDs; being numbered, two runs
 * of the same story hand out the same ids, so their outcomes can be compared for equality.
 */
final class SequentialIds {

    private final int series;
    private long issued;

    SequentialIds(int series) {
        this.series = series;
    }

    String next() {
        issued++;
        return "%08x-0000-4000-8000-%012x".formatted(series, issued);
    }
}
