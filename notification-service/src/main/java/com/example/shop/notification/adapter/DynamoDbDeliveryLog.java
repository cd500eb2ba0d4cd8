package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.Claim;
import com.example.shop.notification.domain.DeliveryLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The e-mail delivery log in the notification service's table, one item per notification with
 * {@code pk = "sent#<notificationId>"}: {@code status} {@code SENDING} (with the claim's
 * {@code claimedAt} in epoch milliseconds) while an attempt delivers it, then {@code SENT} with
 * the mail service's message id and {@code sentAt}.
 *
 * <p>The claim is one conditional put, {@code attribute_not_exists(pk) OR (status = SENDING AND
 * claimedAt < :staleBefore)}, so DynamoDB decides which of two concurrent attempts wins. Items
 * carry {@code expiresAt}: after the retention no redelivery of the notification can arrive any
 * more, and the table's TTL removes them.
 *
 * @param retention how long a delivery is remembered, longer than any redelivery of the
 *                  notification can arrive
 */
public record DynamoDbDeliveryLog(DynamoDbClient dynamo, String table, Duration retention) implements DeliveryLog {

    static final String KEY_PREFIX = "sent#";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    /** {@code status} is a reserved word in DynamoDB expressions. */
    private static final Map<String, String> STATUS_NAME = Map.of("#status", "status");

    @Override
    public Claim claim(String notificationId, Instant now, Instant staleBefore) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(KEY_PREFIX + notificationId),
                            "notificationId", AttributeValue.fromS(notificationId),
                            "status", AttributeValue.fromS(SENDING),
                            "claimedAt", millis(now),
                            "expiresAt", AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(pk) OR (#status = :sending AND claimedAt < :staleBefore)")
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(Map.of(
                            ":sending", AttributeValue.fromS(SENDING),
                            ":staleBefore", millis(staleBefore))));
            return new Claim.Granted(Instant.ofEpochMilli(now.toEpochMilli()));
        } catch (ConditionalCheckFailedException taken) {
            return existingClaim(notificationId, now);
        }
    }

    @Override
    public void markSent(String notificationId, Claim.Granted claim, String providerMessageId, Instant sentAt) {
        // Unconditional: the mail went out, so SENT is the truth even if the claim was taken over meanwhile.
        dynamo.updateItem(r -> r.tableName(table)
                .key(key(notificationId))
                .updateExpression("SET #status = :sent, providerMessageId = :messageId, sentAt = :sentAt")
                .expressionAttributeNames(STATUS_NAME)
                .expressionAttributeValues(Map.of(
                        ":sent", AttributeValue.fromS(SENT),
                        ":messageId", AttributeValue.fromS(providerMessageId),
                        ":sentAt", millis(sentAt))));
    }

    @Override
    public void release(String notificationId, Claim.Granted claim) {
        try {
            dynamo.deleteItem(r -> r.tableName(table)
                    .key(key(notificationId))
                    .conditionExpression("#status = :sending AND claimedAt = :claimedAt")
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(Map.of(
                            ":sending", AttributeValue.fromS(SENDING),
                            ":claimedAt", millis(claim.claimedAt()))));
        } catch (ConditionalCheckFailedException notOursAnyMore) {
            // Another attempt took the claim over (or sent the mail): its item is not ours to delete.
        }
    }

    private Claim existingClaim(String notificationId, Instant now) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(notificationId)));
        if (!response.hasItem() || response.item().isEmpty()) {
            // Released between our put and this read: the next attempt will find it free.
            return new Claim.HeldElsewhere(now);
        }
        return toClaim(response.item());
    }

    static Claim toClaim(Map<String, AttributeValue> item) {
        if (SENT.equals(Items.string(item, "status"))) {
            return new Claim.AlreadySent(Items.string(item, "providerMessageId"),
                    Instant.ofEpochMilli(Items.number(item, "sentAt")));
        }
        return new Claim.HeldElsewhere(Instant.ofEpochMilli(Items.number(item, "claimedAt")));
    }

    private static Map<String, AttributeValue> key(String notificationId) {
        return Map.of("pk", AttributeValue.fromS(KEY_PREFIX + notificationId));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }
}
