package com.example.shop.notification.handler;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.DeliveryInProgressException;
import com.example.shop.platform.SqsEventConsumer;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A batch of customer notifications as a channel's queue delivers them from the notifications
 * topic, handled one message at a time with partial batch failures.
 *
 * <p><b>Why not {@link SqsEventConsumer}.</b> The shop's event consumer reads domain events (the
 * codec's registry of {@code EventEnvelope}s) and deduplicates them by event id in
 * {@code ProcessedEvents}. A channel's message is neither: it is a {@link CustomerNotification},
 * the notification service's own message on its own topic, and each channel is idempotent by the
 * notification id inside its use case (the e-mail claim, the text written once), so a marker
 * table would add a write and protect nothing. What the two share, the per-message loop with
 * partial batch failures, is the same here: a message that is not a valid notification, or whose
 * handling throws, is reported in {@code batchItemFailures}; the queue redelivers only that
 * message and, after its {@code maxReceiveCount}, moves it to the DLQ.
 *
 * <p>A message body is the notification JSON (raw delivery); the standard SNS envelope
 * ({@code "Type": "Notification"}) is unwrapped too, so switching raw delivery off breaks nothing.
 * Unknown fields are ignored (the format may grow).
 */
final class NotificationBatch {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationBatch.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<String> LOG_KEYS = List.of("notificationId", "orderId", "eventType", "correlationId");

    private NotificationBatch() {
    }

    /** Hands every notification of the batch to {@code action}; answers which messages must come back. */
    static SQSBatchResponse handle(SQSEvent event, Consumer<CustomerNotification> action) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                CustomerNotification notification = read(message.getBody());
                MDC.put("notificationId", notification.notificationId());
                MDC.put("orderId", notification.orderId());
                MDC.put("eventType", notification.eventType());
                if (notification.correlationId() != null) {
                    MDC.put("correlationId", notification.correlationId());
                }
                action.accept(notification);
            } catch (DeliveryInProgressException busy) {
                LOG.warn("Message {}: {}", message.getMessageId(), busy.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } catch (RuntimeException e) {
                LOG.error("Message {} failed (receive count {}); it will be redelivered", message.getMessageId(),
                        SqsEventConsumer.receiveCount(message), e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } finally {
                LOG_KEYS.forEach(MDC::remove);
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Reads a notification from a message body.
     *
     * @throws IllegalArgumentException when the body is not a valid notification
     */
    static CustomerNotification read(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("message body is empty");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if ("Notification".equals(node.path("Type").asText(null)) && node.path("Message").isTextual()) {
                node = JSON.readTree(node.get("Message").asText());
            }
            return JSON.treeToValue(node, CustomerNotification.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("message body is not a customer notification: " + e.getOriginalMessage(), e);
        }
    }
}
