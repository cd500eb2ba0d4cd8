package com.example.shop.catalog.adapter;

import com.example.shop.catalog.domain.CatalogEntry;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.ProductStatus;
import com.example.shop.events.Money;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The layout of the catalog (write) table's items, one per entry, told apart by key prefix:
 * <ul>
 *   <li>{@code category#<id>}: {@code categoryId, name, version};</li>
 *   <li>{@code product#<id>}: {@code productId, name, description, categoryId, amountMinor, currency,
 *       status, version}.</li>
 * </ul>
 * Every item also carries the origin of its last write ({@code changedAt, requestId,
 * correlationId}), which the outbox publisher reads from the stream. The publisher and projector
 * read the same attribute names from stream images (handler {@code CatalogStreamRecords}).
 */
final class CatalogItems {

    static final String CATEGORY_PREFIX = "category#";
    static final String PRODUCT_PREFIX = "product#";

    private CatalogItems() {
    }

    static Map<String, AttributeValue> key(CategoryId id) {
        return Map.of("pk", AttributeValue.fromS(CATEGORY_PREFIX + id.value()));
    }

    static Map<String, AttributeValue> key(ProductId id) {
        return Map.of("pk", AttributeValue.fromS(PRODUCT_PREFIX + id.value()));
    }

    static Map<String, AttributeValue> item(Category category, ChangeOrigin origin) {
        Map<String, AttributeValue> item = new HashMap<>(key(category.id()));
        item.put("categoryId", AttributeValue.fromS(category.id().value()));
        item.put("name", AttributeValue.fromS(category.name()));
        item.put("version", number(category.version()));
        putOrigin(item, origin);
        return item;
    }

    static Map<String, AttributeValue> item(Product product, ChangeOrigin origin) {
        Map<String, AttributeValue> item = new HashMap<>(key(product.id()));
        item.put("productId", AttributeValue.fromS(product.id().value()));
        item.put("name", AttributeValue.fromS(product.name()));
        item.put("description", AttributeValue.fromS(product.description()));
        item.put("categoryId", AttributeValue.fromS(product.categoryId().value()));
        item.put("amountMinor", number(product.price().amountMinor()));
        item.put("currency", AttributeValue.fromS(product.price().currency()));
        item.put("status", AttributeValue.fromS(product.status().name()));
        item.put("version", number(product.version()));
        putOrigin(item, origin);
        return item;
    }

    /** The entry an item holds; empty for an item of another kind. */
    static Optional<CatalogEntry> entry(Map<String, AttributeValue> item) {
        String pk = item.get("pk").s();
        if (pk.startsWith(CATEGORY_PREFIX)) {
            return Optional.of(category(item));
        }
        if (pk.startsWith(PRODUCT_PREFIX)) {
            return Optional.of(product(item));
        }
        return Optional.empty();
    }

    static Category category(Map<String, AttributeValue> item) {
        return new Category(new CategoryId(item.get("categoryId").s()), item.get("name").s(),
                Long.parseLong(item.get("version").n()));
    }

    static Product product(Map<String, AttributeValue> item) {
        return new Product(new ProductId(item.get("productId").s()), item.get("name").s(),
                item.get("description").s(), new CategoryId(item.get("categoryId").s()),
                new Money(Long.parseLong(item.get("amountMinor").n()), item.get("currency").s()),
                ProductStatus.valueOf(item.get("status").s()), Long.parseLong(item.get("version").n()));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void putOrigin(Map<String, AttributeValue> item, ChangeOrigin origin) {
        item.put("changedAt", AttributeValue.fromS(origin.occurredAt().toString()));
        item.put("requestId", AttributeValue.fromS(origin.requestId()));
        item.put("correlationId", AttributeValue.fromS(origin.correlationId()));
    }
}
