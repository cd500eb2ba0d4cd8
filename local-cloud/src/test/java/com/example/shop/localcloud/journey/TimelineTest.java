package com.example.shop.localcloud.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The journey's order: by time, corrected by causation, every hop placed exactly once. */
class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void a_hop_recorded_twice_is_placed_twice_and_the_ordering_ends() {
        Hop published = new Hop(T0, Hop.Kind.PUBLISHED, "CancelShipmentFunction", "ShipmentCancelled", "e-2", "e-1",
                "c-1", "o-1", null, null);
        Hop twin = new Hop(T0, Hop.Kind.PUBLISHED, "CancelShipmentFunction", "ShipmentCancelled", "e-2", "e-1",
                "c-1", "o-1", null, null);

        assertThat(Timeline.causalOrder(List.of(published, twin))).hasSize(2);
    }

    @Test
    void a_handler_never_comes_before_the_publication_of_the_event_it_handles() {
        Hop handled = new Hop(T0, Hop.Kind.HANDLED, "UpdateOrderStatusFunction",
                "ShipmentCancelled", "e-2", "e-1", "c-1", "o-1", null, "SUCCEEDED");
        Hop published = new Hop(T0.plusMillis(5), Hop.Kind.PUBLISHED, "CancelShipmentFunction", "ShipmentCancelled",
                "e-2", "e-1", "c-1", "o-1", null, null);

        assertThat(Timeline.causalOrder(List.of(handled, published))).containsExactly(published, handled);
    }
}
