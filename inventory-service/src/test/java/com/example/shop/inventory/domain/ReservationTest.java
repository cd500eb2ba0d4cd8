package com.example.shop.inventory.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.example.shop.events.SampleEvents.CUSTOMER_ID;
import static com.example.shop.events.SampleEvents.ORDER_ID;
import static com.example.shop.events.SampleEvents.envelope;
import static com.example.shop.events.SampleEvents.eventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationTest {

    private final EventEnvelope<StockReserved> reserved = envelope(SampleEvents.stockReserved(), eventId(1));

    @Test
    void a_new_reservation_holds_its_stock() {
        Reservation reservation = Reservation.held(reserved);

        assertThat(reservation.isReleased()).isFalse();
        assertThat(reservation.release()).isEmpty();
        assertThat(reservation.orderId()).isEqualTo(ORDER_ID);
        assertThat(reservation.lines()).isEqualTo(reserved.data().lines());
    }

    @Test
    void released_by_gives_the_stock_back_and_keeps_both_announcements() {
        EventEnvelope<StockReleased> release = releaseOf(reserved.data().lines(), eventId(2));

        Reservation released = Reservation.held(reserved).releasedBy(release);

        assertThat(released.isReleased()).isTrue();
        assertThat(released.release()).contains(release);
        assertThat(released.reservedEvent()).isEqualTo(reserved);
    }

    @Test
    void released_by_when_already_released_refuses_because_stock_is_returned_only_once() {
        Reservation released = Reservation.held(reserved).releasedBy(releaseOf(reserved.data().lines(), eventId(2)));

        assertThatThrownBy(() -> released.releasedBy(releaseOf(reserved.data().lines(), eventId(3))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(eventId(2));
    }

    @Test
    void a_release_must_give_back_exactly_the_reserved_lines() {
        EventEnvelope<StockReleased> otherLines = releaseOf(List.of(new ReservedLine("prod-espresso-beans-1kg", 1)),
                eventId(2));

        assertThatThrownBy(() -> Reservation.held(reserved).releasedBy(otherLines))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventEnvelope<StockReleased> releaseOf(List<ReservedLine> lines, String id) {
        return envelope(new StockReleased(ORDER_ID, CUSTOMER_ID, lines, "PaymentDeclined"), id);
    }
}
