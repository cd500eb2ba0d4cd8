package com.example.shop.notification.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.platform.testing.LambdaTestContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fixture events and messages as the notification functions receive them: the producers' golden
 * samples wrapped in an EventBridge event in an SQS message, and notifications as the topic
 * delivers them to a channel queue (raw delivery).
 */
public final class Fixtures {

    public static final EventCodec CODEC = new EventCodec();
    public static final Instant NOW = Instant.parse("2026-11-27T10:15:36Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The customer's address in the golden {@code OrderPlaced}. */
    public static final String EMAIL = "erika.mustermann@example.com";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private Fixtures() {
    }

    /** The function name a test's Lambda context reports unless the test names the function. */
    public static final String FUNCTION_NAME = "notification-test";

    /** A fresh Lambda context for one invocation of the function named {@value #FUNCTION_NAME}. */
    public static LambdaTestContext context() {
        return new LambdaTestContext(FUNCTION_NAME);
    }

    /** The golden sample of an event type, as the codec reads it. */
    public static EventEnvelope<DomainEvent> golden(String eventType) {
        return CODEC.readDetail(GoldenSamples.json(eventType)).orElseThrow();
    }

    /** One SQS message per envelope, each body the EventBridge event a rule delivers. */
    public static SQSEvent sqs(EventEnvelope<?>... envelopes) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (EventEnvelope<?> envelope : envelopes) {
            messages.add(message("msg-" + envelope.eventId() + "-" + messages.size(), """
                    {"version":"0","id":"%s","detail-type":"%s","source":"%s","account":"123456789012",\
                    "time":"%s","region":"eu-central-1","resources":[],"detail":%s}"""
                    .formatted(UUID.nameUUIDFromBytes(envelope.eventId().getBytes(StandardCharsets.UTF_8)),
                            envelope.metadata().eventType(), envelope.metadata().source(),
                            envelope.metadata().occurredAt(), CODEC.toDetail(envelope))));
        }
        return event(messages);
    }

    /** One SQS message per body, as a channel queue delivers them. */
    public static SQSEvent sqsBodies(String... bodies) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String body : bodies) {
            messages.add(message("msg-" + messages.size(), body));
        }
        return event(messages);
    }

    /** One SQS message per notification, each body the notification JSON (raw delivery). */
    public static SQSEvent sqs(CustomerNotification... notifications) {
        return sqsBodies(Arrays.stream(notifications).map(Fixtures::json).toArray(String[]::new));
    }

    /** The notification JSON as the topic carries it. */
    public static String json(CustomerNotification notification) {
        try {
            return JSON.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rendered notification of the given type for the golden order. */
    public static CustomerNotification notification(String notificationId, String eventType) {
        return new CustomerNotification(notificationId, "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e",
                "c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17", EMAIL, "Subject of " + eventType,
                "Body of " + eventType + "\n", eventType);
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setBody(body);
        return message;
    }

    private static SQSEvent event(List<SQSEvent.SQSMessage> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }
}
