package com.example.shop.order.adapter;

import com.example.shop.order.domain.ListPrice;
import com.example.shop.order.domain.PriceBook;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;

/**
 * The {@link PriceBook} in the order service's table, beside the orders. Two item kinds:
 * <ul>
 *   <li>{@code price#<productId>} {@code {productId, amountMinor, currency, priceVersion}}: the
 *       price {@link DynamoDbPriceTable} reads when an order is placed;</li>
 *   <li>{@code price-withdrawn#<productId>} {@code {productId, priceVersion}}: the version at which
 *       the product was discontinued, so a late, older announcement cannot price it again.</li>
 * </ul>
 * Each change is one transaction over both items of the product, every part conditional on
 * {@code attribute_not_exists(pk) OR priceVersion < :version}; a failed condition cancels the
 * transaction and means a newer (or the same) announcement was applied before.
 */
public record DynamoDbPriceBook(DynamoDbClient dynamo, String table) implements PriceBook {

    private static final String NEWER_OR_ABSENT = "attribute_not_exists(pk) OR priceVersion < :version";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    @Override
    public boolean record(ListPrice price) {
        Map<String, AttributeValue> version = Map.of(":version", number(price.version()));
        return write(List.of(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                        .key(key(withdrawnPk(price.productId())))
                        .conditionExpression(NEWER_OR_ABSENT)
                        .expressionAttributeValues(version)).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(Map.of(
                                "pk", AttributeValue.fromS(DynamoDbPriceTable.pk(price.productId())),
                                "productId", AttributeValue.fromS(price.productId()),
                                "amountMinor", number(price.price().amountMinor()),
                                "currency", AttributeValue.fromS(price.price().currency()),
                                "priceVersion", number(price.version())))
                        .conditionExpression(NEWER_OR_ABSENT)
                        .expressionAttributeValues(version)).build()));
    }

    @Override
    public boolean withdraw(String productId, long priceVersion) {
        Map<String, AttributeValue> version = Map.of(":version", number(priceVersion));
        return write(List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key(DynamoDbPriceTable.pk(productId)))
                        .conditionExpression(NEWER_OR_ABSENT)
                        .expressionAttributeValues(version)).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(Map.of(
                                "pk", AttributeValue.fromS(withdrawnPk(productId)),
                                "productId", AttributeValue.fromS(productId),
                                "priceVersion", number(priceVersion)))
                        .conditionExpression(NEWER_OR_ABSENT)
                        .expressionAttributeValues(version)).build()));
    }

    private boolean write(List<TransactWriteItem> items) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons != null && reasons.stream().anyMatch(r -> CONDITION_FAILED.equals(r.code()))) {
                return false;
            }
            // A conflict with a concurrent transaction, throttling: an infrastructure failure, retried.
            throw cancelled;
        }
    }

    static String withdrawnPk(String productId) {
        return "price-withdrawn#" + productId;
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
