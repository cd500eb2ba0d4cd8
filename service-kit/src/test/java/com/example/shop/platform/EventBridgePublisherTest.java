package com.example.shop.platform;

import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublishException;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.codec.EventCodec;

import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class EventBridgePublisherTest {

    private static final String BUS = "shop-bus";
    private static final String TRACE = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1";

    private final EventCodec codec = new EventCodec();
    private final FakeEventBridge eventBridge = new FakeEventBridge();
    private final List<Duration> sleeps = new ArrayList<>();
    private final RetryPolicy retryPolicy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final EventBridgePublisher publisher =
            new EventBridgePublisher(eventBridge, BUS, codec, retryPolicy, sleeps::add);

    private static EventEnvelope<OrderCancelled> cancellation(int n) {
        return SampleEvents.envelope(SampleEvents.orderCancelled("customer changed their mind"), eventId(n));
    }

    private static List<EventEnvelope<OrderCancelled>> cancellations(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(EventBridgePublisherTest::cancellation).toList();
    }

    /** A cancellation whose reason makes its entry exactly {@code bytes} long, as EventBridge counts. */
    private EventEnvelope<OrderCancelled> cancellationOfSize(int n, int bytes) {
        int withOneChar = entrySize(SampleEvents.envelope(SampleEvents.orderCancelled("x"), eventId(n)));
        return SampleEvents.envelope(SampleEvents.orderCancelled("x".repeat(bytes - withOneChar + 1)), eventId(n));
    }

    /** The entry size by the EventBridge formula: Time (14) + Source + DetailType + Detail, in UTF-8 bytes. */
    private int entrySize(EventEnvelope<?> envelope) {
        return 14 + utf8(envelope.metadata().source()) + utf8(envelope.metadata().eventType())
                + utf8(codec.toDetail(envelope));
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void publish_when_every_entry_is_accepted_makes_one_call_with_complete_entries() {
        EventEnvelope<?> placed = SampleEvents.envelope(SampleEvents.orderPlaced(), eventId(1));
        EventEnvelope<?> scheduled = SampleEvents.envelope(SampleEvents.shipmentScheduled(), eventId(2));

        publisher.publish(List.of(placed, scheduled));

        assertThat(eventBridge.requests()).hasSize(1);
        List<PutEventsRequestEntry> entries = eventBridge.requests().getFirst().entries();
        assertThat(entries).hasSize(2);
        PutEventsRequestEntry first = entries.getFirst();
        assertThat(first.eventBusName()).isEqualTo(BUS);
        assertThat(first.source()).isEqualTo("shop.orders");
        assertThat(first.detailType()).isEqualTo("OrderPlaced");
        assertThat(first.detail()).isEqualTo(codec.toDetail(placed));
        assertThat(first.time()).isEqualTo(SampleEvents.NOW);
        assertThat(first.traceHeader()).isNull();
        assertThat(entries.get(1).source()).isEqualTo("shop.shipping");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void publish_single_event_is_sent_as_a_one_entry_request() {
        publisher.publish(cancellation(1));

        assertThat(eventBridge.requests()).singleElement()
                .satisfies(request -> assertThat(eventBridge.eventIdsOf(request)).containsExactly(eventId(1)));
    }

    @Test
    void publish_without_events_makes_no_call() {
        publisher.publish(List.of());

        assertThat(eventBridge.requests()).isEmpty();
    }

    @Test
    void publish_when_a_trace_header_is_supplied_stamps_it_on_every_entry() {
        EventBridgePublisher traced =
                new EventBridgePublisher(eventBridge, BUS, codec, retryPolicy, sleeps::add, () -> TRACE);

        traced.publish(List.of(cancellation(1), cancellation(2)));

        assertThat(eventBridge.requests().getFirst().entries())
                .extracting(PutEventsRequestEntry::traceHeader)
                .containsExactly(TRACE, TRACE);
    }

    @Test
    void publish_more_than_ten_events_sends_batches_of_at_most_ten_in_order() {
        List<EventEnvelope<OrderCancelled>> events = cancellations(25);

        publisher.publish(events);

        assertThat(eventBridge.requests()).extracting(request -> request.entries().size()).containsExactly(10, 10, 5);
        assertThat(eventBridge.requests().stream().flatMap(request -> eventBridge.eventIdsOf(request).stream()))
                .containsExactlyElementsOf(events.stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void publish_events_adding_up_to_more_than256_kb_sends_batches_of_at_most256_kb() {
        List<EventEnvelope<OrderCancelled>> events = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> cancellationOfSize(n, 100_000))
                .toList();

        publisher.publish(events);

        assertThat(eventBridge.requests()).extracting(request -> request.entries().size()).containsExactly(2, 2, 1);
        assertThat(eventBridge.requests())
                .allSatisfy(request -> assertThat(requestSize(request)).isLessThanOrEqualTo(262_144));
    }

    @Test
    void publish_two_entries_filling_exactly256_kb_share_one_request() {
        publisher.publish(List.of(cancellationOfSize(1, 131_072), cancellationOfSize(2, 131_072)));

        assertThat(eventBridge.requests()).singleElement();
    }

    @Test
    void publish_an_event_of_exactly256_kb_is_accepted() {
        publisher.publish(cancellationOfSize(1, 262_144));

        assertThat(eventBridge.acceptedCount()).isEqualTo(1);
    }

    @Test
    void publish_when_one_event_is_over256_kb_refuses_the_whole_call_before_sending_anything() {
        List<EventEnvelope<OrderCancelled>> events =
                List.of(cancellation(1), cancellation(2), cancellationOfSize(3, 262_145));

        assertThatThrownBy(() -> publisher.publish(events))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(eventId(3))
                .hasMessageContaining("262145 bytes");
        assertThat(eventBridge.requests()).isEmpty();
    }

    @Test
    void publish_counts_size_in_utf8_bytes_not_characters() {
        // 140,000 characters, each two bytes in UTF-8: far below the limit in chars, above it in bytes.
        EventEnvelope<OrderCancelled> accented =
                SampleEvents.envelope(SampleEvents.orderCancelled("é".repeat(140_000)), eventId(1));

        assertThatThrownBy(() -> publisher.publish(accented)).isInstanceOf(IllegalArgumentException.class);
        assertThat(eventBridge.requests()).isEmpty();
    }

    @Test
    void publish_when_one_entry_is_rejected_once_resends_only_that_entry() {
        eventBridge.rejectFirst(eventId(2), 1, "InternalFailure");

        publisher.publish(List.of(cancellation(1), cancellation(2), cancellation(3)));

        assertThat(eventBridge.requests()).hasSize(2);
        assertThat(eventBridge.eventIdsOf(eventBridge.requests().get(0)))
                .containsExactly(eventId(1), eventId(2), eventId(3));
        assertThat(eventBridge.eventIdsOf(eventBridge.requests().get(1))).containsExactly(eventId(2));
        assertThat(eventBridge.acceptedCount()).isEqualTo(3);
    }

    @Test
    void publish_before_each_retry_backs_off_exponentially_with_jitter() {
        eventBridge.rejectFirst(eventId(1), 2, "ThrottlingException");

        publisher.publish(cancellation(1));

        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void publish_when_an_entry_is_rejected_on_every_attempt_throws_naming_the_event_after_max_attempts() {
        eventBridge.rejectAlways(eventId(2), "ThrottlingException");

        assertThatThrownBy(() -> publisher.publish(List.of(cancellation(1), cancellation(2))))
                .isInstanceOfSatisfying(EventPublishException.class, e -> {
                    assertThat(e.failedEventIds()).containsExactly(eventId(2));
                    assertThat(e.failures()).singleElement()
                            .satisfies(f -> assertThat(f.errorCode()).isEqualTo("ThrottlingException"));
                    assertThat(e).hasMessageContaining(eventId(2))
                            .hasMessageContaining("ThrottlingException")
                            .hasMessageContaining(BUS);
                });
        assertThat(eventBridge.requests()).hasSize(3);
        assertThat(eventBridge.acceptedCount()).isEqualTo(1);
    }

    @Test
    void publish_when_an_entry_is_rejected_permanently_does_not_retry_it_but_still_sends_the_rest() {
        eventBridge.rejectAlways(eventId(1), "MalformedDetail");
        List<EventEnvelope<OrderCancelled>> events = cancellations(12);

        assertThatThrownBy(() -> publisher.publish(events))
                .isInstanceOfSatisfying(EventPublishException.class,
                        e -> assertThat(e.failedEventIds()).containsExactly(eventId(1)));
        assertThat(eventBridge.requests()).extracting(request -> request.entries().size()).containsExactly(10, 2);
        assertThat(eventBridge.acceptedCount()).isEqualTo(11);
        assertThat(sleeps).isEmpty();
    }

    private static int requestSize(PutEventsRequest request) {
        return request.entries().stream().mapToInt(EventBridgePublisher::sizeOf).sum();
    }
}
