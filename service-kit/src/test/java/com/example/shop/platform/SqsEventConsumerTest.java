package com.example.shop.platform;

import static com.example.shop.events.SampleEvents.envelope;
import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.events.Announces;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockReserved;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.testing.InMemoryEventPublisher;

/**
 * The publishing rule for changes caused by events, as the one consumer every SQS-fed function
 * uses carries it out: what a route announces is published before the event counts as processed.
 */
class SqsEventConsumerTest {

    private final EventCodec codec = new EventCodec();
    private final InMemoryEventPublisher bus = new InMemoryEventPublisher();
    private final RememberedEvents processed = new RememberedEvents();
    private final List<String> handled = new ArrayList<>();

    private final SqsEventConsumer consumer = SqsEventConsumer.named("reserve-stock")
            .on(OrderPlaced.class, this::reserve)
            .using(codec, processed, bus);

    @Test
    void what_a_route_announces_is_published_and_then_the_event_is_remembered() {
        EventEnvelope<OrderPlaced> placed = envelope(SampleEvents.orderPlaced(), eventId(1));

        SQSBatchResponse response = consumer.handle(batch(placed));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).singleElement().satisfies(event -> {
            assertThat(event.metadata().eventType()).isEqualTo("StockReserved");
            assertThat(event.metadata().causationId()).isEqualTo(eventId(1));
        });
        assertThat(processed.contains("reserve-stock", eventId(1))).isTrue();
    }

    @Test
    void a_failed_publish_fails_the_message_and_leaves_it_unremembered_so_the_redelivery_announces_the_same_event() {
        EventEnvelope<OrderPlaced> placed = envelope(SampleEvents.orderPlaced(), eventId(1));
        bus.failNext(1);

        SQSBatchResponse first = consumer.handle(batch(placed));
        SQSBatchResponse redelivery = consumer.handle(batch(placed));

        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-" + eventId(1));
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(handled).hasSize(2);
        assertThat(bus.published()).singleElement().extracting(EventEnvelope::eventId)
                .isEqualTo(com.example.shop.events.EventIds.derive(eventId(1), "StockReserved"));
    }

    @Test
    void a_remembered_event_is_acknowledged_without_running_its_route_again() {
        EventEnvelope<OrderPlaced> placed = envelope(SampleEvents.orderPlaced(), eventId(1));
        consumer.handle(batch(placed));

        consumer.handle(batch(placed));

        assertThat(handled).hasSize(1);
        assertThat(bus.published()).hasSize(1);
    }

    @Test
    void a_consumer_built_without_a_publisher_fails_the_message_when_a_route_announces_something() {
        SqsEventConsumer silent = SqsEventConsumer.named("silent").on(OrderPlaced.class, this::reserve)
                .using(codec, processed);

        SQSBatchResponse response = silent.handle(batch(envelope(SampleEvents.orderPlaced(), eventId(2))));

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(processed.contains("silent", eventId(2))).isFalse();
    }

    @Test
    void a_route_that_announces_nothing_only_remembers_the_event() {
        SqsEventConsumer quiet = SqsEventConsumer.named("quiet").on(OrderPlaced.class, placed -> Announces.NOTHING)
                .using(codec, processed);

        SQSBatchResponse response = quiet.handle(batch(envelope(SampleEvents.orderPlaced(), eventId(3))));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(processed.contains("quiet", eventId(3))).isTrue();
    }

    @Test
    void an_unknown_or_unrouted_event_is_acknowledged_unhandled() {
        SQSEvent event = new SQSEvent();
        SQSEvent.SQSMessage unknown = new SQSEvent.SQSMessage();
        unknown.setMessageId("m-unknown");
        unknown.setBody("{\"metadata\":{\"eventId\":\"" + eventId(4) + "\",\"eventType\":\"SomethingNew\","
                + "\"eventVersion\":1,\"occurredAt\":\"2026-11-27T10:15:30Z\",\"source\":\"shop.future\","
                + "\"correlationId\":\"c\",\"causationId\":\"c\"},\"data\":{}}");
        event.setRecords(List.of(unknown, message(envelope(SampleEvents.stockReserved(), eventId(5)))));

        SQSBatchResponse response = consumer.handle(event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void after_publishing_runs_once_the_announcements_are_out_and_its_failure_fails_the_message() {
        List<String> seen = new ArrayList<>();
        boolean[] failAlert = {true};
        SqsEventConsumer alerting = SqsEventConsumer.named("alerting")
                .on(OrderPlaced.class, this::reserve, (placed, outcome) -> {
                    seen.add("published so far: " + bus.published().size());
                    if (failAlert[0]) {
                        failAlert[0] = false;
                        throw new IllegalStateException("pager down");
                    }
                })
                .using(codec, processed, bus);
        EventEnvelope<OrderPlaced> placed = envelope(SampleEvents.orderPlaced(), eventId(6));

        SQSBatchResponse first = alerting.handle(batch(placed));
        SQSBatchResponse redelivery = alerting.handle(batch(placed));

        assertThat(first.getBatchItemFailures()).hasSize(1);
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(seen).containsExactly("published so far: 1", "published so far: 2");
        assertThat(processed.contains("alerting", eventId(6))).isTrue();
    }

    @Test
    void receive_count_reads_the_attribute_and_is_zero_when_missing_or_unreadable() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        assertThat(SqsEventConsumer.receiveCount(message)).isZero();
        message.setAttributes(java.util.Map.of("ApproximateReceiveCount", "4"));
        assertThat(SqsEventConsumer.receiveCount(message)).isEqualTo(4);
        message.setAttributes(java.util.Map.of("ApproximateReceiveCount", "many"));
        assertThat(SqsEventConsumer.receiveCount(message)).isZero();
    }

    private Announces reserve(EventEnvelope<OrderPlaced> placed) {
        handled.add(placed.eventId());
        EventEnvelope<StockReserved> reserved =
                EventEnvelope.causedBy(placed, SampleEvents.stockReserved(), SampleEvents.NOW);
        return () -> List.of(reserved);
    }

    private SQSEvent batch(EventEnvelope<?> envelope) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message(envelope)));
        return event;
    }

    private SQSEvent.SQSMessage message(EventEnvelope<?> envelope) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + envelope.eventId());
        message.setBody(codec.toDetail(envelope));
        return message;
    }

    /** The processed-events port in memory. */
    private static final class RememberedEvents implements ProcessedEvents {
        private final Set<String> seen = new HashSet<>();

        @Override
        public boolean contains(String consumer, String eventId) {
            return seen.contains(consumer + "#" + eventId);
        }

        @Override
        public void add(String consumer, String eventId) {
            seen.add(consumer + "#" + eventId);
        }
    }
}
