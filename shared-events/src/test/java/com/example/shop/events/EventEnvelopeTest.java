package com.example.shop.events;

import static com.example.shop.events.SampleEvents.NOW;
import static com.example.shop.events.SampleEvents.REQUEST_ID;
import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    /** Metadata of a root event, whose cause is the request that also names the correlation. */
    private static EventMetadata metadata(
            String eventId, String eventType, int eventVersion, Instant occurredAt, String source, String requestId) {
        return new EventMetadata(eventId, eventType, eventVersion, occurredAt, source, requestId, requestId);
    }

    @Test
    void of_derives_type_version_and_source_from_the_data() {
        EventEnvelope<OrderPlaced> envelope =
                EventEnvelope.of(SampleEvents.orderPlaced(), eventId(1), NOW, REQUEST_ID, REQUEST_ID);

        assertThat(envelope.metadata()).isEqualTo(new EventMetadata(
                eventId(1), "OrderPlaced", 1, NOW, "shop.orders", REQUEST_ID, REQUEST_ID));
        assertThat(envelope.eventId()).isEqualTo(eventId(1));
    }

    @Test
    void caused_by_keeps_the_correlation_id_and_names_the_incoming_event_as_cause() {
        EventEnvelope<OrderPlaced> placed =
                EventEnvelope.of(SampleEvents.orderPlaced(), eventId(1), NOW, REQUEST_ID, REQUEST_ID);
        Instant later = NOW.plusSeconds(1);

        EventEnvelope<StockReserved> reserved =
                EventEnvelope.causedBy(placed, SampleEvents.stockReserved(), new Announcement(eventId(2), later));

        assertThat(reserved.metadata()).isEqualTo(new EventMetadata(
                eventId(2), "StockReserved", 1, later, "shop.inventory", REQUEST_ID, eventId(1)));
        assertThat(reserved.announcement()).isEqualTo(new Announcement(eventId(2), later));
    }

    @Test
    void caused_by_without_an_id_derives_it_from_the_cause_and_the_type_so_a_retry_announces_the_same_event() {
        EventEnvelope<OrderPlaced> placed =
                EventEnvelope.of(SampleEvents.orderPlaced(), eventId(1), NOW, REQUEST_ID, REQUEST_ID);

        EventEnvelope<StockReserved> first = EventEnvelope.causedBy(placed, SampleEvents.stockReserved(), NOW);
        EventEnvelope<StockReserved> retry = EventEnvelope.causedBy(placed, SampleEvents.stockReserved(), NOW);
        EventEnvelope<StockUnavailable> other = EventEnvelope.causedBy(placed, SampleEvents.stockUnavailable(), NOW);

        assertThat(first.eventId()).isEqualTo(retry.eventId())
                .isEqualTo(EventIds.derive(eventId(1), "StockReserved"))
                .isNotEqualTo(other.eventId());
        assertThat(first.metadata().causationId()).isEqualTo(eventId(1));
    }

    @Test
    void event_ids_derive_is_a_name_based_uuid_of_cause_and_type_stable_across_releases() {
        // Stored announcements were derived with this rule: changing it would re-announce facts under new ids.
        assertThat(EventIds.derive("cause-1", "StockReserved"))
                .isEqualTo(java.util.UUID.nameUUIDFromBytes("cause-1|StockReserved".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(EventIds.derive("cause-1", StockReserved.class)).isEqualTo(EventIds.derive("cause-1", "StockReserved"));
    }

    @Test
    void constructor_when_metadata_names_another_type_rejects() {
        EventMetadata metadata = metadata(eventId(1), "OrderCancelled", 1, NOW, "shop.orders", REQUEST_ID);

        assertThatThrownBy(() -> new EventEnvelope<>(metadata, SampleEvents.orderPlaced()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderCancelled")
                .hasMessageContaining("OrderPlaced");
    }

    @Test
    void constructor_when_metadata_names_another_source_rejects() {
        EventMetadata metadata = metadata(eventId(1), "OrderPlaced", 1, NOW, "shop.payments", REQUEST_ID);

        assertThatThrownBy(() -> new EventEnvelope<>(metadata, SampleEvents.orderPlaced()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
    }

    @Test
    void constructor_when_version_is_not_registered_rejects() {
        EventMetadata metadata = metadata(eventId(1), "OrderPlaced", 7, NOW, "shop.orders", REQUEST_ID);

        assertThatThrownBy(() -> new EventEnvelope<>(metadata, SampleEvents.orderPlaced()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v7");
    }

    @Test
    void metadata_when_event_id_is_not_a_uuid_rejects_naming_event_id() {
        assertThatThrownBy(() -> metadata("order-1", "OrderPlaced", 1, NOW, "shop.orders", REQUEST_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void metadata_when_version_is_zero_rejects_naming_event_version() {
        assertThatThrownBy(() -> metadata(eventId(1), "OrderPlaced", 0, NOW, "shop.orders", REQUEST_ID))
                .hasMessageContaining("eventVersion");
    }

    @Test
    void metadata_when_causation_id_is_blank_rejects_naming_causation_id() {
        assertThatThrownBy(() -> new EventMetadata(eventId(1), "OrderPlaced", 1, NOW, "shop.orders", REQUEST_ID, " "))
                .hasMessageContaining("causationId");
    }

    @Test
    void metadata_when_occurred_at_is_missing_rejects_naming_occurred_at() {
        assertThatThrownBy(() -> metadata(eventId(1), "OrderPlaced", 1, null, "shop.orders", REQUEST_ID))
                .hasMessageContaining("occurredAt");
    }
}
