package com.example.shop.shipping.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ShipmentCancelled;

import java.util.List;

/** What came of handling an order's cancellation on the shipping side, and what it announces. */
public sealed interface CancelOutcome extends Announces permits CancelOutcome.Withdrawn, CancelOutcome.AlreadyWithdrawn,
        CancelOutcome.BookingPrevented, CancelOutcome.NothingToCancel {

    /** The booking was withdrawn from its carrier now and recorded CANCELLED: announce {@code ShipmentCancelled}. */
    record Withdrawn(CancelledShipment shipment, EventEnvelope<ShipmentCancelled> event) implements CancelOutcome {
    }

    /** An earlier delivery withdrew the booking: announce the same {@code ShipmentCancelled} again. */
    record AlreadyWithdrawn(CancelledShipment shipment, EventEnvelope<ShipmentCancelled> event) implements CancelOutcome {
    }

    /** Nothing was booked yet; the cancel marker now stands where the shipment would be. Nothing to announce. */
    record BookingPrevented(String orderId) implements CancelOutcome {
    }

    /**
     * Nothing is live to withdraw: the order already has a cancel marker, or no carrier took its
     * parcel. Nothing to announce.
     */
    record NothingToCancel(String orderId, ShipmentState state) implements CancelOutcome {
    }

    @Override
    default List<EventEnvelope<? extends DomainEvent>> announcements() {
        return switch (this) {
            case Withdrawn withdrawn -> List.of(withdrawn.event());
            case AlreadyWithdrawn already -> List.of(already.event());
            case BookingPrevented _, NothingToCancel _ -> List.of();
        };
    }
}
