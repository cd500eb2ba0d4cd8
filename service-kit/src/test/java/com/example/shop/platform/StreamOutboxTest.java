package com.example.shop.platform;

import static com.example.shop.events.SampleEvents.envelope;
import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.SampleEvents;
import com.example.shop.platform.testing.InMemoryEventPublisher;

/** The outbox publisher every table stream uses: in order, nothing lost, nothing overtaken. */
class StreamOutboxTest {

    private final InMemoryEventPublisher bus = new InMemoryEventPublisher();
    private final Map<String, List<EventEnvelope<? extends DomainEvent>>> outbox = Map.of(
            "1", List.of(envelope(SampleEvents.orderPlaced(), eventId(1))),
            "2", List.of(),
            "3", List.of(envelope(SampleEvents.orderCancelled("changed my mind"), eventId(3))));
    private final StreamOutbox publisher = new StreamOutbox(bus, record -> {
        String sequence = record.getDynamodb().getSequenceNumber();
        if (sequence.equals("bad")) {
            throw new IllegalStateException("unreadable image");
        }
        return outbox.get(sequence);
    });

    @Test
    void every_records_new_events_are_published_in_stream_order() {
        StreamsEventResponse response = publisher.publish(stream("1", "2", "3"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.published()).extracting(EventEnvelope::eventId).containsExactly(eventId(1), eventId(3));
    }

    @Test
    void a_record_the_bus_refuses_is_the_one_failure_reported_and_nothing_after_it_is_published() {
        bus.failNext(1);

        StreamsEventResponse response = publisher.publish(stream("1", "2", "3"));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("1");
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void an_unreadable_record_fails_alone_after_the_records_before_it_were_published() {
        StreamsEventResponse response = publisher.publish(stream("1", "bad", "3"));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("bad");
        assertThat(bus.published()).extracting(EventEnvelope::eventId).containsExactly(eventId(1));
    }

    private static DynamodbEvent stream(String... sequenceNumbers) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(java.util.Arrays.stream(sequenceNumbers).map(sequence -> {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventName("MODIFY");
            record.setDynamodb(new StreamRecord().withSequenceNumber(sequence));
            return record;
        }).toList());
        return event;
    }
}
