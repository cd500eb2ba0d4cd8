package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.CustomerNotifications;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/**
 * Customer notifications published to the customer notifications SNS topic, which fans them out
 * to one SQS queue per channel.
 *
 * <p>The message body is the notification as JSON, its fields named as in
 * {@link CustomerNotification}: {@code {notificationId, orderId, customerId, email, subject, body,
 * eventType}}. Two message attributes carry what subscriptions filter on without reading the body:
 * {@value #CHANNEL_ATTRIBUTE} (always {@code email}) and {@value #EVENT_TYPE_ATTRIBUTE} (for
 * example {@code ShipmentScheduled}). The subscriptions use raw delivery, so a channel's queue
 * receives exactly this body.
 */
public record SnsCustomerNotifications(SnsClient sns, String topicArn) implements CustomerNotifications {

    /** The message attribute naming the channel a notification is meant for. */
    public static final String CHANNEL_ATTRIBUTE = "channel";
    /** The message attribute naming the event type a notification reports. */
    public static final String EVENT_TYPE_ATTRIBUTE = "eventType";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    @Override
    public void publish(CustomerNotification notification) {
        sns.publish(r -> r.topicArn(topicArn)
                .message(body(notification))
                .messageAttributes(Map.of(
                        CHANNEL_ATTRIBUTE, text(CustomerNotification.EMAIL_CHANNEL),
                        EVENT_TYPE_ATTRIBUTE, text(notification.eventType()))));
    }

    /** The JSON message body of a notification. */
    static String body(CustomerNotification notification) {
        try {
            return JSON.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write notification " + notification.notificationId(), e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
