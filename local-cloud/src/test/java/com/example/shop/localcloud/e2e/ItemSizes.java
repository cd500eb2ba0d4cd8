package com.example.shop.localcloud.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How big a table's items are, by DynamoDB's own size rules (attribute names plus values: strings
 * by their UTF-8 bytes, numbers by their digits, binaries by their bytes, containers by their
 * members plus a few bytes each): what decides how many write units a put costs (one per 1 KB) and
 * read units a get costs (one per 4 KB).
 *
 * @param items   how many items the table holds
 * @param meanBytes their mean size
 * @param maxBytes  the largest
 */
record ItemSizes(long items, long meanBytes, long maxBytes) {

    static Map<String, ItemSizes> ofEveryTable(DynamoDbClient dynamo) {
        Map<String, ItemSizes> sizes = new TreeMap<>();
        for (String table : dynamo.listTablesPaginator().tableNames()) {
            long count = 0;
            long total = 0;
            long max = 0;
            for (Map<String, AttributeValue> item : dynamo.scanPaginator(r -> r.tableName(table)).items()) {
                long size = size(item);
                count++;
                total += size;
                max = Math.max(max, size);
            }
            sizes.put(table, new ItemSizes(count, count == 0 ? 0 : total / count, max));
        }
        return sizes;
    }

    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return size;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return (value.n().replaceAll("[^0-9]", "").length() + 1) / 2 + 1;
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasM()) {
            return 3 + size(value.m()) + value.m().size();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(v -> size(v) + 1).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(ItemSizes::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(n -> (n.length() + 1) / 2 + 1).sum();
        }
        if (value.hasBs()) {
            return value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
        }
        return 0;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

}
