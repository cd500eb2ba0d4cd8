package com.example.shop.inventory.adapter;

import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;

/**
 * {@link StockItems} in the inventory table: opening puts the product's {@code stock#<productId>}
 * item in the shape {@link DynamoDbStockLedger} reads and writes ({@code productId, available,
 * reserved}), on condition that the key is free.
 *
 * @param dynamo the DynamoDB client
 * @param table the inventory table
 */
public record DynamoDbStockItems(DynamoDbClient dynamo, String table) implements StockItems {

    @Override
    public boolean openIfAbsent(ProductId productId) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(DynamoDbStockLedger.stockPk(productId.value())),
                            "productId", AttributeValue.fromS(productId.value()),
                            "available", AttributeValue.fromN("0"),
                            "reserved", AttributeValue.fromN("0")))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }
}
