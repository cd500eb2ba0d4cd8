package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.Closure;
import com.example.shop.notification.domain.ContactBook;
import com.example.shop.notification.domain.CustomerContact;
import com.example.shop.notification.domain.HandOver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Customer contacts in the notification service's table, one item per order with
 * {@code pk = "contact#<orderId>"}: {@code orderId}, {@code customerId}, {@code email}; once a final
 * message has closed the order, {@code closedBy} (its notification id) and {@code closedByEventType};
 * while a progress message is being handed over, {@code progressBy} (its notification id) and
 * {@code progressClaimedAt} (epoch milliseconds, the claim's identity).
 *
 * <p>Closing and claiming are single conditional updates of this one item, so DynamoDB decides
 * which of two concurrent attempts comes first: the claim requires {@code attribute_not_exists(closedBy)}
 * and no fresh claim; the close requires no fresh claim and {@code closedBy} absent or its own.
 * When a condition fails, a strongly consistent read tells why; should the item have changed again
 * in between (a claim given back), the write is tried again.
 *
 * <p>Each item carries an {@code expiresAt} so the table's TTL removes the address once the order's
 * notifications are long over (personal data is kept no longer than it is needed). Reads are
 * strongly consistent, so an event handled right after {@code OrderPlaced} finds the contact.
 *
 * @param retention how long a contact is kept after its order was placed
 */
public record DynamoDbContactBook(DynamoDbClient dynamo, String table, Clock clock, Duration retention)
        implements ContactBook {

    static final String KEY_PREFIX = "contact#";
    /** How often a write whose condition failed for a reason that was gone by the read is tried again. */
    private static final int ATTEMPTS = 3;
    private static final String FRESH_CLAIM_ABSENT =
            "(attribute_not_exists(progressBy) OR progressClaimedAt < :staleBefore)";

    @Override
    public void remember(CustomerContact contact) {
        try {
            // First write wins: OrderPlaced is the only writer and always writes the same values,
            // and a repeat must not erase the closing marker of an order that has ended since.
            dynamo.putItem(r -> r.tableName(table)
                    .item(toItem(contact, clock.instant().plus(retention).getEpochSecond()))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyKnown) {
            // Remembered before: nothing to change.
        }
    }

    @Override
    public Optional<CustomerContact> find(String orderId) {
        return read(orderId).map(DynamoDbContactBook::fromItem);
    }

    @Override
    public HandOver claimProgress(String orderId, String notificationId, Instant now, Instant staleBefore) {
        Instant claimedAt = Instant.ofEpochMilli(now.toEpochMilli());
        return decide(orderId, claimedAt,
                "SET progressBy = :me, progressClaimedAt = :now",
                "attribute_exists(pk) AND attribute_not_exists(closedBy) AND " + FRESH_CLAIM_ABSENT,
                Map.of(":me", AttributeValue.fromS(notificationId),
                        ":now", millis(claimedAt),
                        ":staleBefore", millis(staleBefore)),
                item -> refusal(item, null, staleBefore));
    }

    @Override
    public void releaseProgress(String notificationId, HandOver.Granted claim) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key(claim.contact().orderId()))
                    .updateExpression("REMOVE progressBy, progressClaimedAt")
                    .conditionExpression("progressBy = :me AND progressClaimedAt = :claimedAt")
                    .expressionAttributeValues(Map.of(
                            ":me", AttributeValue.fromS(notificationId),
                            ":claimedAt", millis(claim.claimedAt()))));
        } catch (ConditionalCheckFailedException notOursAnyMore) {
            // Taken over after it went stale: the claim that is there now is not ours to give back.
        }
    }

    @Override
    public HandOver close(String orderId, Closure closure, Instant now, Instant staleBefore) {
        // A stale claim is removed with the close: its attempt died, and no release will come.
        return decide(orderId, Instant.ofEpochMilli(now.toEpochMilli()),
                "SET closedBy = :me, closedByEventType = :eventType REMOVE progressBy, progressClaimedAt",
                "attribute_exists(pk) AND (attribute_not_exists(closedBy) OR closedBy = :me) AND " + FRESH_CLAIM_ABSENT,
                Map.of(":me", AttributeValue.fromS(closure.notificationId()),
                        ":eventType", AttributeValue.fromS(closure.eventType()),
                        ":staleBefore", millis(staleBefore)),
                item -> refusal(item, closure.notificationId(), staleBefore));
    }

    /**
     * Runs one conditional update; granted, it answers with the contact the update returned,
     * refused, with what the item says now.
     */
    private HandOver decide(String orderId, Instant grantedAt, String update, String condition,
                            Map<String, AttributeValue> values,
                            Function<Map<String, AttributeValue>, Optional<HandOver>> refusal) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                var response = dynamo.updateItem(r -> r.tableName(table)
                        .key(key(orderId))
                        .updateExpression(update)
                        .conditionExpression(condition)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW));
                return new HandOver.Granted(fromItem(response.attributes()), grantedAt);
            } catch (ConditionalCheckFailedException refused) {
                Optional<Map<String, AttributeValue>> item = read(orderId);
                if (item.isEmpty()) {
                    return new HandOver.ContactUnknown();
                }
                Optional<HandOver> why = refusal.apply(item.get());
                if (why.isPresent()) {
                    return why.get();
                }
            }
        }
        throw new IllegalStateException("contact#" + orderId + " kept changing under " + ATTEMPTS
                + " conditional writes; the message will be tried again");
    }

    /**
     * Why a write was refused, judged from the item as it is now; empty when nothing in it refuses
     * any more (it changed after the refusal).
     *
     * @param closer the notification trying to close the order, or {@code null} for a progress claim
     */
    private static Optional<HandOver> refusal(Map<String, AttributeValue> item, String closer, Instant staleBefore) {
        AttributeValue closedBy = item.get("closedBy");
        if (closedBy != null && !closedBy.s().equals(closer)) {
            return Optional.of(new HandOver.Closed(
                    new Closure(closedBy.s(), Items.string(item, "closedByEventType"))));
        }
        if (item.containsKey("progressBy")) {
            Instant claimedAt = Instant.ofEpochMilli(Items.number(item, "progressClaimedAt"));
            if (!claimedAt.isBefore(staleBefore)) {
                return Optional.of(new HandOver.ProgressInFlight(claimedAt));
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, AttributeValue>> read(String orderId) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(orderId)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    static Map<String, AttributeValue> toItem(CustomerContact contact, long expiresAtEpochSecond) {
        return Map.of(
                "pk", AttributeValue.fromS(KEY_PREFIX + contact.orderId()),
                "orderId", AttributeValue.fromS(contact.orderId()),
                "customerId", AttributeValue.fromS(contact.customerId()),
                "email", AttributeValue.fromS(contact.email()),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAtEpochSecond)));
    }

    static CustomerContact fromItem(Map<String, AttributeValue> item) {
        return new CustomerContact(Items.string(item, "orderId"), Items.string(item, "customerId"),
                Items.string(item, "email"));
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of("pk", AttributeValue.fromS(KEY_PREFIX + orderId));
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }
}
