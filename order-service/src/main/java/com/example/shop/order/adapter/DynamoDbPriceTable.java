package com.example.shop.order.adapter;

import com.example.shop.events.Money;
import com.example.shop.order.domain.PriceTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order service's price table: items {@code pk = price#<productId>} in the service's own
 * table, written from the catalog's price events and read with one batch get per order.
 */
public record DynamoDbPriceTable(DynamoDbClient dynamo, String table) implements PriceTable {

    static String pk(String productId) {
        return "price#" + productId;
    }

    @Override
    public Map<String, Money> pricesOf(Set<String> productIds) {
        Map<String, Money> prices = new HashMap<>();
        List<Map<String, AttributeValue>> keys = productIds.stream()
                .map(id -> Map.of("pk", AttributeValue.fromS(pk(id)))).toList();
        Map<String, KeysAndAttributes> request = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        // BatchGetItem may return part of the keys as unprocessed under load; ask again for those.
        while (!request.isEmpty() && !request.get(table).keys().isEmpty()) {
            var pending = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(pending));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                prices.put(item.get("productId").s(),
                        new Money(Long.parseLong(item.get("amountMinor").n()), item.get("currency").s()));
            }
            var unprocessed = response.unprocessedKeys();
            if (unprocessed == null || !unprocessed.containsKey(table)) {
                break;
            }
            request = unprocessed;
        }
        return prices;
    }
}
