package com.example.shop.platform;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * {@link ProcessedEvents} kept in the service's own table as items keyed
 * {@code processed#<consumer>#<eventId>}, with an {@code expiresAt} attribute that the table's TTL
 * removes after the retention (longer than any queue or archive replay keeps a duplicate alive).
 *
 * <p>This is the small conditional-put store that Powertools' idempotency utility provides where
 * it is available; it is not in the Powertools 2.x artifacts this project can use.
 */
public record DynamoDbProcessedEvents(DynamoDbClient dynamo, String table, Clock clock, Duration retention)
        implements ProcessedEvents {

    @Override
    public boolean contains(String consumer, String eventId) {
        return dynamo.getItem(r -> r.tableName(table).key(key(consumer, eventId)).consistentRead(true)).hasItem();
    }

    @Override
    public void add(String consumer, String eventId) {
        long expiresAt = clock.instant().plus(retention).getEpochSecond();
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(pk(consumer, eventId)),
                            "expiresAt", AttributeValue.fromN(Long.toString(expiresAt))))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyThere) {
            // A concurrent duplicate finished first; the marker it wrote is the same fact.
        }
    }

    private static Map<String, AttributeValue> key(String consumer, String eventId) {
        return Map.of("pk", AttributeValue.fromS(pk(consumer, eventId)));
    }

    private static String pk(String consumer, String eventId) {
        return "processed#" + consumer + "#" + eventId;
    }
}
