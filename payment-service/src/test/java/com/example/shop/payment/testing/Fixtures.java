package com.example.shop.payment.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventMetadata;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.StockReserved;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.payment.adapter.SimulatedPaymentGateway;
import com.example.shop.platform.Sleeper;
import com.example.shop.platform.testing.LambdaTestContext;
import com.example.shop.platform.testing.SequentialIds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fixture events as the payment functions receive them: the producers' golden samples, wrapped in
 * an EventBridge event, in an SQS message.
 */
public final class Fixtures {

    public static final EventCodec CODEC = new EventCodec();
    public static final Instant NOW = Instant.parse("2026-11-27T10:15:32Z");

    private Fixtures() {
    }

    /** The function name a test's Lambda context reports unless the test names the function. */
    public static final String FUNCTION_NAME = "payment-test";

    /** A fresh Lambda context for one invocation of the function named {@value #FUNCTION_NAME}. */
    public static LambdaTestContext context() {
        return new LambdaTestContext(FUNCTION_NAME);
    }

    /** The golden {@code StockReserved}: an approvable payment method. */
    public static EventEnvelope<StockReserved> stockReserved() {
        return golden("StockReserved", StockReserved.class);
    }

    /** The golden {@code StockReserved} with another payment method. */
    public static EventEnvelope<StockReserved> stockReserved(String paymentMethodRef) {
        EventEnvelope<StockReserved> golden = stockReserved();
        StockReserved d = golden.data();
        return new EventEnvelope<>(golden.metadata(), new StockReserved(d.orderId(), d.customerId(), d.lines(),
                d.total(), paymentMethodRef, d.shippingAddress()));
    }

    /** The same reservation for another order, under its own event id. */
    public static EventEnvelope<StockReserved> orderOf(String orderId, EventEnvelope<StockReserved> reserved) {
        StockReserved d = reserved.data();
        var m = reserved.metadata();
        String eventId = UUID.nameUUIDFromBytes((m.eventId() + orderId).getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope<>(new EventMetadata(eventId, m.eventType(), m.eventVersion(), m.occurredAt(), m.source(),
                m.correlationId(), m.causationId()), new StockReserved(orderId, d.customerId(), d.lines(), d.total(),
                d.paymentMethodRef(), d.shippingAddress()));
    }

    /** The same event announced again by its producer under another event id (a republish). */
    public static <T extends DomainEvent> EventEnvelope<T> republished(EventEnvelope<T> envelope, String eventId) {
        var m = envelope.metadata();
        return new EventEnvelope<>(new EventMetadata(eventId, m.eventType(), m.eventVersion(), m.occurredAt(), m.source(),
                m.correlationId(), m.causationId()), envelope.data());
    }

    /** The golden {@code OrderCancelled}, for the same order as the golden {@code StockReserved}. */
    public static EventEnvelope<OrderCancelled> orderCancelled() {
        return golden("OrderCancelled", OrderCancelled.class);
    }

    /** The golden {@code ShipmentFailed}, for the same order as the golden {@code StockReserved}. */
    public static EventEnvelope<ShipmentFailed> shipmentFailed() {
        return golden("ShipmentFailed", ShipmentFailed.class);
    }

    /** One SQS message per envelope, first receive. */
    public static SQSEvent sqs(EventEnvelope<?>... envelopes) {
        SQSEvent event = new SQSEvent();
        event.setRecords(Arrays.stream(envelopes).map(e -> message(e, 1)).toList());
        return event;
    }

    /** An SQS message whose body is the EventBridge event a rule delivers for the envelope. */
    public static SQSEvent.SQSMessage message(EventEnvelope<?> envelope, int receiveCount) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + envelope.eventId() + "-" + receiveCount);
        message.setReceiptHandle("receipt-" + receiveCount);
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        message.setBody(eventBridgeEvent(envelope));
        return message;
    }

    public static SQSEvent sqs(SQSEvent.SQSMessage message) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    /** The simulator with no latency and a generous rate limit. */
    public static SimulatedPaymentGateway simulator(Clock clock) {
        return new SimulatedPaymentGateway(Duration.ZERO, 1_000, clock, Sleeper.threadSleep(),
                SequentialIds.prefixed("id-"));
    }

    private static String eventBridgeEvent(EventEnvelope<?> envelope) {
        return """
                {"version":"0","id":"%s","detail-type":"%s","source":"%s","account":"123456789012",\
                "time":"%s","region":"eu-central-1","resources":[],"detail":%s}"""
                .formatted(UUID.nameUUIDFromBytes(envelope.eventId().getBytes(StandardCharsets.UTF_8)),
                        envelope.metadata().eventType(), envelope.metadata().source(),
                        envelope.metadata().occurredAt(), CODEC.toDetail(envelope));
    }

    private static <T extends DomainEvent> EventEnvelope<T> golden(String type, Class<T> javaType) {
        EventEnvelope<DomainEvent> read = CODEC.readDetail(GoldenSamples.json(type)).orElseThrow();
        return new EventEnvelope<>(read.metadata(), javaType.cast(read.data()));
    }
}
