package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.codec.EventCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * SQS messages as an EventBridge rule delivers them to a queue: the message body is the whole
 * EventBridge event, with the envelope as its {@code detail}. The message's other fields come from
 * the fixture {@code events/sqs/order-status-message.json}.
 */
final class SqsFixtures {

    private static final EventCodec CODEC = new EventCodec();

    private SqsFixtures() {
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    static SQSEvent.SQSMessage message(String messageId, String body) {
        SQSEvent.SQSMessage message = EventLoader.loadSQSEvent("events/sqs/order-status-message.json").getRecords().getFirst();
        message.setMessageId(messageId);
        message.setBody(body);
        return message;
    }

    static SQSEvent.SQSMessage message(String messageId, EventEnvelope<?> envelope) {
        return message(messageId, eventBridgeEvent(envelope.metadata().source(), envelope.metadata().eventType(),
                CODEC.toDetail(envelope)));
    }

    /** The EventBridge event around a detail, as a rule's SQS target receives it. */
    static String eventBridgeEvent(String source, String detailType, String detailJson) {
        ObjectNode event = HttpFixtures.JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", "123456789012");
        event.put("time", "2026-11-27T10:15:31Z");
        event.put("region", "us-east-1");
        event.putArray("resources");
        event.set("detail", HttpFixtures.read(detailJson));
        return event.toString();
    }
}
