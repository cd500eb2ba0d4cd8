package com.example.shop.shipping.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;

import java.util.List;

/**
 * What came of scheduling a paid order's shipment, and what it announces: a booking
 * ({@code ShipmentScheduled}), a refusal ({@code ShipmentFailed}), or nothing at all when the
 * order's cancellation reached shipping first.
 */
public sealed interface ScheduleOutcome extends Announces
        permits ScheduleOutcome.Booked, ScheduleOutcome.Refused, ScheduleOutcome.CancelledFirst {

    /** The order has a live shipment, booked now or by an earlier delivery. */
    sealed interface Booked extends ScheduleOutcome permits Scheduled, AlreadyScheduled {

        /** The order's shipment. */
        Shipment shipment();

        /** The shipment's announcement, under the identity stored with it, in reply to the payment handled now. */
        EventEnvelope<ShipmentScheduled> event();
    }

    /** No carrier would take the parcel, decided now or by an earlier delivery. */
    sealed interface Refused extends ScheduleOutcome permits Failed, AlreadyFailed {

        /** The recorded refusal. */
        FailedShipment failure();

        /** The refusal's announcement, under the identity stored with it, in reply to the payment handled now. */
        EventEnvelope<ShipmentFailed> event();
    }

    @Override
    default List<EventEnvelope<? extends DomainEvent>> announcements() {
        return switch (this) {
            case Booked booked -> List.of(booked.event());
            case Refused refused -> List.of(refused.event());
            case CancelledFirst _ -> List.of();
        };
    }

    /** A parcel was booked now. */
    record Scheduled(Shipment shipment, EventEnvelope<ShipmentScheduled> event) implements Booked {
    }

    /** The parcel was booked by an earlier delivery: announce the stored one again, under its recorded identity. */
    record AlreadyScheduled(Shipment shipment, EventEnvelope<ShipmentScheduled> event) implements Booked {
    }

    /** The carriers refused the parcel now; the refusal is recorded under the order. */
    record Failed(FailedShipment failure, EventEnvelope<ShipmentFailed> event) implements Refused {
    }

    /** An earlier delivery recorded the refusal: announce the same {@code ShipmentFailed} again. */
    record AlreadyFailed(FailedShipment failure, EventEnvelope<ShipmentFailed> event) implements Refused {
    }

    /**
     * The order's cancellation reached shipping before this delivery of the payment did (a cancel
     * marker, or a booking withdrawn since): no live shipment, nothing to announce.
     *
     * @param state what the cancellation left: {@code CANCEL_MARKER} or {@code CANCELLED}
     */
    record CancelledFirst(String orderId, ShipmentState state) implements ScheduleOutcome {
    }
}
