package com.example.shop.localcloud.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Reading one line of the event journal back as the publication it records. */
class EventJournalTest {

    private static final String METADATA = """
            "metadata": {"eventId": "e-2", "eventType": "StockReserved", "occurredAt": "2026-12-04T10:00:01.250Z",
              "correlationId": "c-1", "causationId": "e-1", "source": "shop.inventory"}""";

    @Test
    void a_journal_line_reads_as_the_publication_with_its_ids() {
        String line = """
                {"id": "x", "source": "shop.inventory", "detail-type": "StockReserved",
                 "detail": {%s, "data": {"orderId": "o-1"}}}""".formatted(METADATA);

        Hop hop = EventJournal.hopOf(line, Instant.parse("2026-12-04T10:00:02Z").toEpochMilli()).orElseThrow();

        assertThat(hop).isEqualTo(new Hop(Instant.parse("2026-12-04T10:00:01.250Z"), Hop.Kind.PUBLISHED,
                "shop.inventory", "StockReserved", "e-2", "e-1", "c-1", "o-1", null,
                "journalled at 2026-12-04T10:00:02Z"));
    }

    @Test
    void a_whole_event_in_the_journal_reads_the_same() {
        String event = """
                {"version": "0", "id": "x", "source": "shop.inventory", "detail-type": "StockReserved",
                 "account": "000000000000", "time": "2026-12-04T10:00:01Z", "region": "eu-west-1", "resources": [],
                 "detail": {%s, "data": {"orderId": "o-1", "customerId": "c", "lines": []}}}""".formatted(METADATA);

        assertThat(EventJournal.hopOf(event, 0)).get().extracting(Hop::eventId, Hop::orderId)
                .containsExactly("e-2", "o-1");
    }

    @Test
    void an_event_without_an_order_has_none_in_its_hop() {
        String line = """
                {"source": "shop.catalog", "detail-type": "ProductCreated", "detail": {%s, "data": {"orderId": ""}}}"""
                .formatted(METADATA);

        assertThat(EventJournal.hopOf(line, 0)).get().extracting(Hop::orderId).isNull();
    }

    @Test
    void a_line_that_is_no_event_is_skipped() {
        assertThat(EventJournal.hopOf("START RequestId: 42", 0)).isEmpty();
        assertThat(EventJournal.hopOf("{\"message\": \"hello\"}", 0)).isEmpty();
    }
}
