package com.example.shop.payment.adapter;

import com.example.shop.events.Announcement;
import com.example.shop.events.Money;
import com.example.shop.payment.domain.Payment;
import com.example.shop.payment.domain.PaymentRepository;
import com.example.shop.payment.domain.PaymentState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Payments stored in the payment service's table, one item per order with
 * {@code pk = "payment#<orderId>"}.
 *
 * <p>Each write is a {@code PutItem} of the whole item with a condition: {@code
 * attribute_not_exists(pk)} for the first state, {@code #state = :expected} for every
 * transition. Because a payment never returns to a state it left, "still in the state I read" is
 * as strong as a version check. Reads are strongly consistent, so a retry sees the last write.
 * Payment items carry no {@code expiresAt}: they are the record of money moved and are kept.
 */
public record DynamoDbPaymentRepository(DynamoDbClient dynamo, String table) implements PaymentRepository {

    static final String KEY_PREFIX = "payment#";

    @Override
    public Optional<Payment> find(String orderId) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(KEY_PREFIX + orderId))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public boolean create(Payment payment) {
        return put(PutItemRequest.builder().tableName(table).item(toItem(payment))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    @Override
    public boolean replace(Payment current, Payment next) {
        if (!current.orderId().equals(next.orderId())) {
            throw new IllegalArgumentException("a payment cannot change its order");
        }
        return put(PutItemRequest.builder().tableName(table).item(toItem(next))
                .conditionExpression("#state = :expected")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromS(current.state().name())))
                .build());
    }

    private boolean put(PutItemRequest request) {
        try {
            dynamo.putItem(request);
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(Payment payment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(KEY_PREFIX + payment.orderId()));
        item.put("orderId", AttributeValue.fromS(payment.orderId()));
        item.put("customerId", AttributeValue.fromS(payment.customerId()));
        item.put("state", AttributeValue.fromS(payment.state().name()));
        switch (payment) {
            case Payment.Charging charging -> putMoney(item, charging.amount());
            case Payment.Cancelled cancelled -> {
                if (cancelled.chargeInFlight()) {
                    putMoney(item, cancelled.amountInFlight());
                }
            }
            case Payment.Decided decided -> {
                putMoney(item, decided.amount());
                item.put("eventId", AttributeValue.fromS(decided.announcement().eventId()));
                item.put("eventAt", AttributeValue.fromS(decided.announcement().occurredAt().toString()));
                switch (decided) {
                    case Payment.Charged charged -> item.put("chargeId", AttributeValue.fromS(charged.chargeId()));
                    case Payment.Declined declined -> item.put("reason", AttributeValue.fromS(declined.reason()));
                    case Payment.Failed failed -> item.put("reason", AttributeValue.fromS(failed.reason()));
                    case Payment.Refunded refunded -> {
                        item.put("chargeId", AttributeValue.fromS(refunded.chargeId()));
                        item.put("refundId", AttributeValue.fromS(refunded.refundId()));
                    }
                }
            }
        }
        return item;
    }

    static Payment fromItem(Map<String, AttributeValue> item) {
        String orderId = s(item, "orderId");
        String customerId = s(item, "customerId");
        return switch (PaymentState.valueOf(s(item, "state"))) {
            case CHARGING -> new Payment.Charging(orderId, customerId, money(item));
            case CHARGED -> new Payment.Charged(orderId, customerId, money(item), s(item, "chargeId"), announcement(item));
            case DECLINED -> new Payment.Declined(orderId, customerId, money(item), s(item, "reason"), announcement(item));
            case FAILED -> new Payment.Failed(orderId, customerId, money(item), s(item, "reason"), announcement(item));
            case CANCELLED -> new Payment.Cancelled(orderId, customerId, item.containsKey("amountMinor") ? money(item) : null);
            case REFUNDED -> new Payment.Refunded(orderId, customerId, money(item), s(item, "chargeId"),
                    s(item, "refundId"), announcement(item));
        };
    }

    private static void putMoney(Map<String, AttributeValue> item, Money amount) {
        item.put("amountMinor", AttributeValue.fromN(Long.toString(amount.amountMinor())));
        item.put("currency", AttributeValue.fromS(amount.currency()));
    }

    private static Money money(Map<String, AttributeValue> item) {
        return new Money(Long.parseLong(item.get("amountMinor").n()), s(item, "currency"));
    }

    private static Announcement announcement(Map<String, AttributeValue> item) {
        return new Announcement(s(item, "eventId"), Instant.parse(s(item, "eventAt")));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("payment item " + item.get("pk") + " has no attribute " + name);
        }
        return value.s();
    }
}
