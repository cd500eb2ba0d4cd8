package com.example.shop.shipping.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventMetadata;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.ShippingAddress;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.testing.LambdaTestContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fixture events as the shipping function receives them: the producer's golden sample, wrapped in
 * an EventBridge event, in an SQS message.
 */
public final class Fixtures {

    public static final EventCodec CODEC = new EventCodec();
    /** A Friday. */
    public static final Instant NOW = Instant.parse("2026-11-27T10:15:34Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {
    }

    /** The function name a test's Lambda context reports unless the test names the function. */
    public static final String FUNCTION_NAME = "shipping-test";

    /** A fresh Lambda context for one invocation of the function named {@value #FUNCTION_NAME}. */
    public static LambdaTestContext context() {
        return new LambdaTestContext(FUNCTION_NAME);
    }

    /** The golden {@code PaymentCharged} (to Berlin). */
    public static EventEnvelope<PaymentCharged> paymentCharged() {
        EventEnvelope<DomainEvent> read = CODEC.readDetail(GoldenSamples.json("PaymentCharged")).orElseThrow();
        return new EventEnvelope<>(read.metadata(), (PaymentCharged) read.data());
    }

    /** The golden {@code PaymentCharged}, shipping to another country. */
    public static EventEnvelope<PaymentCharged> paymentCharged(String countryCode) {
        EventEnvelope<PaymentCharged> golden = paymentCharged();
        PaymentCharged d = golden.data();
        ShippingAddress a = d.shippingAddress();
        return new EventEnvelope<>(golden.metadata(), new PaymentCharged(d.orderId(), d.customerId(), d.paymentId(),
                d.amount(), new ShippingAddress(a.recipientName(), a.line1(), a.line2(), a.city(), a.postalCode(),
                countryCode)));
    }

    /** The golden {@code OrderCancelled}, of the same order as the golden {@code PaymentCharged}. */
    public static EventEnvelope<OrderCancelled> orderCancelled() {
        EventEnvelope<DomainEvent> read = CODEC.readDetail(GoldenSamples.json("OrderCancelled")).orElseThrow();
        return new EventEnvelope<>(read.metadata(), (OrderCancelled) read.data());
    }

    /** The same event announced again by its producer under another event id (a republish). */
    public static <T extends DomainEvent> EventEnvelope<T> republished(EventEnvelope<T> envelope, String eventId) {
        var m = envelope.metadata();
        return new EventEnvelope<>(new EventMetadata(eventId, m.eventType(), m.eventVersion(), m.occurredAt(), m.source(),
                m.correlationId(), m.causationId()), envelope.data());
    }

    /** One SQS message whose body is the EventBridge event a rule delivers for the envelope. */
    public static SQSEvent sqs(EventEnvelope<?> envelope) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("msg-" + envelope.eventId());
        message.setEventSource("aws:sqs");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setBody("""
                {"version":"0","id":"%s","detail-type":"%s","source":"%s","account":"123456789012",\
                "time":"%s","region":"eu-central-1","resources":[],"detail":%s}"""
                .formatted(UUID.nameUUIDFromBytes(envelope.eventId().getBytes(StandardCharsets.UTF_8)),
                        envelope.metadata().eventType(), envelope.metadata().source(),
                        envelope.metadata().occurredAt(), CODEC.toDetail(envelope)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
