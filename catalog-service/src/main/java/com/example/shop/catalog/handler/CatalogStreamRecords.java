package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.example.shop.catalog.domain.CatalogChange;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.ProductStatus;
import com.example.shop.events.Money;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a change of the catalog table from one of its stream records ({@code NEW_AND_OLD_IMAGES}),
 * in the item layout the catalog table adapter writes: {@code category#<id>} and
 * {@code product#<id>} items, each with the origin of its last write.
 */
final class CatalogStreamRecords {

    private CatalogStreamRecords() {
    }

    /**
     * The change a record reports; empty for a removal (the catalog never deletes; only an operator
     * could) and for items of other kinds.
     *
     * @throws RuntimeException when an image lacks an attribute or holds an invalid value
     */
    static Optional<CatalogChange> change(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> after = record.getDynamodb().getNewImage();
        if ("REMOVE".equals(record.getEventName()) || after == null || after.get("pk") == null) {
            return Optional.empty();
        }
        Optional<Map<String, AttributeValue>> before = Optional.ofNullable(record.getDynamodb().getOldImage())
                .filter(image -> !image.isEmpty());
        String pk = after.get("pk").getS();
        if (pk.startsWith("category#")) {
            return Optional.of(new CatalogChange.CategoryChanged(before.map(CatalogStreamRecords::category),
                    category(after), origin(after)));
        }
        if (pk.startsWith("product#")) {
            return Optional.of(new CatalogChange.ProductChanged(before.map(CatalogStreamRecords::product),
                    product(after), origin(after)));
        }
        return Optional.empty();
    }

    private static Category category(Map<String, AttributeValue> image) {
        return new Category(new CategoryId(s(image, "categoryId")), s(image, "name"), n(image, "version"));
    }

    private static Product product(Map<String, AttributeValue> image) {
        return new Product(new ProductId(s(image, "productId")), s(image, "name"), s(image, "description"),
                new CategoryId(s(image, "categoryId")), new Money(n(image, "amountMinor"), s(image, "currency")),
                ProductStatus.valueOf(s(image, "status")), n(image, "version"));
    }

    private static ChangeOrigin origin(Map<String, AttributeValue> image) {
        return new ChangeOrigin(s(image, "requestId"), s(image, "correlationId"),
                Instant.parse(s(image, "changedAt")));
    }

    private static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getS() == null) {
            throw new IllegalArgumentException("stream image of " + image.get("pk") + " lacks string " + name);
        }
        return value.getS();
    }

    private static long n(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getN() == null) {
            throw new IllegalArgumentException("stream image of " + image.get("pk") + " lacks number " + name);
        }
        return Long.parseLong(value.getN());
    }
}
