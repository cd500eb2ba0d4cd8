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
    void of_derivesTypeVersionAndSourceFromTheData() {
        EventEnvelope<OrderPlaced> envelope =
                EventEnvelope.of(SampleEvents.orderPlaced(), eventId(1), NOW, REQUEST_ID, REQUEST_ID);

        assertThat(envelope.metadata()).isEqualTo(new EventMetadata(
                eventId(1), "OrderPlaced", 1, NOW, "shop.orders", REQUEST_ID, REQUEST_ID));
        assertThat(envelope.eventId()).isEqualTo(eventId(1));
    }

    @Test
    void causedBy_keepsTheCorrelationIdAndNamesTheIncomingEventAsCause() {
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
    void causedBy_withoutAnId_derivesItFromTheCauseAndTheType_soARetryAnnouncesTheSameEvent() {
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
    void eventIds_derive_isANameBasedUuidOfCauseAndType_stableAcrossReleases() {
        // Stored announcements were derived with this rule: changing it would re-announce facts under new ids.
        assertThat(EventIds.derive("cause-1", "StockReserved"))
                .isEqualTo(java.util.UUID.nameUUIDFromBytes("cause-1|StockReserved".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(EventIds.derive("cause-1", StockReserved.class)).isEqualTo(EventIds.derive("cause-1", "StockReserved"));
    }

    @Test
    void constructor_whenMetadataNamesAnotherType_rejects() {
        EventMetadata metadata = metadata(eventId(1), "OrderCancelled", 1, NOW, "shop.orders", REQUEST_ID);

        assertThatThrownBy(() -> new EventEnvelope<>(metadata, SampleEvents.orderPlaced()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderCancelled")
                .hasMessageContaining("OrderPlaced");
    }

    @Test
    void constructor_whenMetadataNamesAnotherSource_rejects() {
        EventMetadata metadata = metadata(eventId(1), "OrderPlaced", 1, NOW, "shop.payments", REQUEST_ID);

        assertThatThrownBy(() -> new EventEnvelope<>(metadata, SampleEvents.orderPlaced()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
    }

    @Test
    void constructor_whenVersionIsNotRegistered_rejects() {
        EventMetadata metadata = metadata(eventId(1), "OrderPlaced", 7, NOW, "shop.orders", REQUEST_ID);

        assertThatThrownBy(() -> new EventEnvelope<>(metadata, SampleEvents.orderPlaced()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v7");
    }

    @Test
    void metadata_whenEventIdIsNotAUuid_rejectsNamingEventId() {
        assertThatThrownBy(() -> metadata("order-1", "OrderPlaced", 1, NOW, "shop.orders", REQUEST_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void metadata_whenVersionIsZero_rejectsNamingEventVersion() {
        assertThatThrownBy(() -> metadata(eventId(1), "OrderPlaced", 0, NOW, "shop.orders", REQUEST_ID))
                .hasMessageContaining("eventVersion");
    }

    @Test
    void metadata_whenCausationIdIsBlank_rejectsNamingCausationId() {
        assertThatThrownBy(() -> new EventMetadata(eventId(1), "OrderPlaced", 1, NOW, "shop.orders", REQUEST_ID, " "))
                .hasMessageContaining("causationId");
    }

    @Test
    void metadata_whenOccurredAtIsMissing_rejectsNamingOccurredAt() {
        assertThatThrownBy(() -> metadata(eventId(1), "OrderPlaced", 1, null, "shop.orders", REQUEST_ID))
                .hasMessageContaining("occurredAt");
    }
}
