package com.example.shop.catalog.adapter;

import com.example.shop.catalog.domain.CatalogEntry;
import com.example.shop.catalog.domain.CatalogRepository;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@link CatalogRepository} in the catalog table ({@code CATALOG_TABLE}, item layout in
 * {@link CatalogItems}).
 *
 * <p>Each write is one {@code PutItem} of the whole entry: a new entry on condition that its key
 * is free, a changed entry on condition that the stored {@code version} is the one before it
 * (optimistic locking). The table's stream, with old and new images, carries each write to the
 * projector and the outbox publisher.
 *
 * @param dynamo the DynamoDB client
 * @param table  the catalog table's name
 */
public record DynamoDbCatalogRepository(DynamoDbClient dynamo, String table) implements CatalogRepository {

    @Override
    public Optional<Category> category(CategoryId id) {
        return get(CatalogItems.key(id)).map(CatalogItems::category);
    }

    @Override
    public Optional<Product> product(ProductId id) {
        return get(CatalogItems.key(id)).map(CatalogItems::product);
    }

    @Override
    public void add(Category category, ChangeOrigin origin) {
        putNew(CatalogItems.item(category, origin), "category " + category.id());
    }

    @Override
    public void add(Product product, ChangeOrigin origin) {
        putNew(CatalogItems.item(product, origin), "product " + product.id());
    }

    @Override
    public boolean replace(Category next, ChangeOrigin origin) {
        return putNextVersion(CatalogItems.item(next, origin), next.version());
    }

    @Override
    public boolean replace(Product next, ChangeOrigin origin) {
        return putNextVersion(CatalogItems.item(next, origin), next.version());
    }

    @Override
    public Stream<CatalogEntry> all() {
        return dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                .map(CatalogItems::entry).flatMap(Optional::stream);
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void putNew(Map<String, AttributeValue> item, String what) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException taken) {
            throw new IllegalStateException(what + " already exists: the id generator repeated an id", taken);
        }
    }

    private boolean putNextVersion(Map<String, AttributeValue> item, long nextVersion) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":expected", CatalogItems.number(nextVersion - 1))));
            return true;
        } catch (ConditionalCheckFailedException anotherChangeCameFirst) {
            return false;
        }
    }
}
