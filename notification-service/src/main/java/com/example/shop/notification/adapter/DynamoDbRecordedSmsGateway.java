package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.SmsGateway;
import com.example.shop.notification.domain.TextMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A stand-in SMS gateway that records each text in the notification service's table instead of
 * sending it, one item per notification with {@code pk = "sms#<notificationId>"}.
 *
 * <p>Why a recording: SNS can text a phone number directly, but that needs a phone number (the
 * shop collects none), an origination identity and leaving the SMS sandbox, and no emulator
 * delivers texts. The recorded item is what a real gateway would have been asked to send, and
 * what tests and the local cloud can look at. The write is conditional
 * ({@code attribute_not_exists(pk)}), so each notification is "texted" once. A real SMS provider
 * without an idempotency key would need the claim-send-mark protocol of the e-mail channel
 * instead.
 *
 * @param retention how long a recorded text is kept
 */
public record DynamoDbRecordedSmsGateway(DynamoDbClient dynamo, String table, Clock clock, Duration retention)
        implements SmsGateway {

    static final String KEY_PREFIX = "sms#";

    @Override
    public boolean sendOnce(TextMessage message) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(toItem(message, clock.instant(), retention))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyTexted) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(TextMessage message, Instant recordedAt, Duration retention) {
        return Map.of(
                "pk", AttributeValue.fromS(KEY_PREFIX + message.notificationId()),
                "notificationId", AttributeValue.fromS(message.notificationId()),
                "orderId", AttributeValue.fromS(message.orderId()),
                "customerId", AttributeValue.fromS(message.customerId()),
                "text", AttributeValue.fromS(message.text()),
                "recordedAt", AttributeValue.fromS(recordedAt.toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(recordedAt.plus(retention).getEpochSecond())));
    }
}
