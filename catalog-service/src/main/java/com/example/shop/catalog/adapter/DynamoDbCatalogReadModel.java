package com.example.shop.catalog.adapter;

import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.ProductStatus;
import com.example.shop.catalog.domain.ProductView;
import com.example.shop.events.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link CatalogReadModel} in the catalog read table ({@code CATALOG_READ_TABLE}): one item
 * per product, {@code pk = <productId>}, holding the whole view ({@code productId, name,
 * description, categoryId, categoryName, price {amountMinor, currency}, status, productVersion,
 * categoryVersion}) and {@code sortKey = <lower-case name>#<productId>}.
 *
 * <p>The global secondary index {@value #BY_CATEGORY} ({@code categoryId}, {@code sortKey},
 * projecting everything) serves the listings in name order and finds a category's views when it
 * is renamed. Discontinued products stay in the index, so a rename still reaches them; the listing
 * filters them out ({@code status = ACTIVE}) and keeps querying until the page is full, so a page
 * is short only when the category is exhausted or after {@value #MAX_QUERY_ROUNDS} rounds. A
 * listing that ends exactly on a full page hands out one more cursor, whose page is empty.
 *
 * @param dynamo the DynamoDB client
 * @param table  the read table's name
 */
public record DynamoDbCatalogReadModel(DynamoDbClient dynamo, String table) implements CatalogReadModel {

    /** The index of the views by category, in name order. */
    public static final String BY_CATEGORY = "byCategory";

    /** Bounds one request's work when many discontinued products sit between the listed ones. */
    static final int MAX_QUERY_ROUNDS = 10;

    private static final Map<String, String> VIEW_NAMES = Map.of(
            "#name", "name", "#description", "description", "#status", "status", "#price", "price",
            "#productVersion", "productVersion", "#categoryName", "categoryName", "#categoryVersion", "categoryVersion",
            "#productId", "productId", "#categoryId", "categoryId", "#sortKey", "sortKey");

    @Override
    public Optional<ProductView> applyProduct(Product product, Category category) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":productId", AttributeValue.fromS(product.id().value()));
        values.put(":name", AttributeValue.fromS(product.name()));
        values.put(":description", AttributeValue.fromS(product.description()));
        values.put(":categoryId", AttributeValue.fromS(product.categoryId().value()));
        values.put(":price", price(product.price()));
        values.put(":status", AttributeValue.fromS(product.status().name()));
        values.put(":productVersion", number(product.version()));
        values.put(":sortKey", AttributeValue.fromS(sortKey(product)));
        values.put(":categoryName", AttributeValue.fromS(category.name()));
        values.put(":categoryVersion", number(category.version()));
        try {
            Map<String, AttributeValue> stored = dynamo.updateItem(r -> r.tableName(table).key(key(product.id()))
                    .updateExpression("SET #productId = :productId, #name = :name, #description = :description, "
                            + "#categoryId = :categoryId, #price = :price, #status = :status, "
                            + "#productVersion = :productVersion, #sortKey = :sortKey, "
                            // Only a new view takes the category from here; an existing one moves its
                            // category fields forward through applyCategory, never back.
                            + "#categoryName = if_not_exists(#categoryName, :categoryName), "
                            + "#categoryVersion = if_not_exists(#categoryVersion, :categoryVersion)")
                    .conditionExpression("attribute_not_exists(pk) OR #productVersion < :productVersion")
                    .expressionAttributeNames(VIEW_NAMES)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(view(stored));
        } catch (ConditionalCheckFailedException alreadyAtThisVersionOrNewer) {
            return Optional.empty();
        }
    }

    @Override
    public boolean applyCategory(ProductId productId, Category category) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(productId))
                    .updateExpression("SET #categoryName = :categoryName, #categoryVersion = :categoryVersion")
                    .conditionExpression("attribute_exists(pk) AND #categoryVersion < :categoryVersion")
                    .expressionAttributeNames(Map.of("#categoryName", "categoryName",
                            "#categoryVersion", "categoryVersion"))
                    .expressionAttributeValues(Map.of(
                            ":categoryName", AttributeValue.fromS(category.name()),
                            ":categoryVersion", number(category.version()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyAtThisVersionOrNewer) {
            return false;
        }
    }

    @Override
    public List<ProductId> productsBehind(Category category) {
        return dynamo.queryPaginator(r -> r.tableName(table).indexName(BY_CATEGORY)
                        .keyConditionExpression("#categoryId = :categoryId")
                        .filterExpression("#categoryVersion < :categoryVersion")
                        .projectionExpression("pk")
                        .expressionAttributeNames(Map.of("#categoryId", "categoryId",
                                "#categoryVersion", "categoryVersion"))
                        .expressionAttributeValues(Map.of(
                                ":categoryId", AttributeValue.fromS(category.id().value()),
                                ":categoryVersion", number(category.version()))))
                .items().stream().map(item -> new ProductId(item.get("pk").s())).toList();
    }

    @Override
    public Optional<ProductView> product(ProductId id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(view(item));
    }

    @Override
    public Listing listed(CategoryId categoryId, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1 to 100 but was " + limit);
        }
        Map<String, AttributeValue> startKey;
        try {
            startKey = cursor.map(c -> ListingCursor.decode(c, categoryId.value())).orElse(null);
        } catch (IllegalArgumentException e) {
            return new InvalidCursor(e.getMessage());
        }
        List<ProductView> items = new ArrayList<>();
        for (int round = 0; round < MAX_QUERY_ROUNDS && items.size() < limit; round++) {
            Map<String, AttributeValue> from = startKey;
            int remaining = limit - items.size();
            // Limit counts the items read before the filter, so no round can overshoot the page.
            QueryResponse response = dynamo.query(r -> r.tableName(table).indexName(BY_CATEGORY)
                    .keyConditionExpression("#categoryId = :categoryId")
                    .filterExpression("#status = :active")
                    .expressionAttributeNames(Map.of("#categoryId", "categoryId", "#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":categoryId", AttributeValue.fromS(categoryId.value()),
                            ":active", AttributeValue.fromS(ProductStatus.ACTIVE.name())))
                    .exclusiveStartKey(from)
                    .limit(remaining));
            response.items().stream().map(DynamoDbCatalogReadModel::view).forEach(items::add);
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (startKey == null) {
                break;
            }
        }
        return new Page(items, Optional.ofNullable(startKey).map(ListingCursor::encode));
    }

    /** Name order regardless of case; the id breaks ties and keeps the key unique. */
    static String sortKey(Product product) {
        return product.name().toLowerCase(Locale.ROOT) + "#" + product.id().value();
    }

    private static ProductView view(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> price = item.get("price").m();
        return new ProductView(new ProductId(item.get("productId").s()), item.get("name").s(),
                item.get("description").s(), new CategoryId(item.get("categoryId").s()),
                item.get("categoryName").s(),
                new Money(Long.parseLong(price.get("amountMinor").n()), price.get("currency").s()),
                ProductStatus.valueOf(item.get("status").s()),
                Long.parseLong(item.get("productVersion").n()), Long.parseLong(item.get("categoryVersion").n()));
    }

    private static AttributeValue price(Money money) {
        return AttributeValue.fromM(Map.of(
                "amountMinor", number(money.amountMinor()),
                "currency", AttributeValue.fromS(money.currency())));
    }

    private static Map<String, AttributeValue> key(ProductId id) {
        return Map.of("pk", AttributeValue.fromS(id.value()));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
