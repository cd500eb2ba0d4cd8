package com.example.shop.shipping.domain;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ShipmentScheduled;

import java.util.List;

/**
 * What came of scheduling an order's shipment; either way there is a shipment, and its
 * {@code ShipmentScheduled} is what the outcome announces.
 */
public sealed interface ScheduleOutcome extends Announces
        permits ScheduleOutcome.Scheduled, ScheduleOutcome.AlreadyScheduled {

    /** The order's shipment. */
    Shipment shipment();

    /** The shipment's announcement, under the identity stored with it, in reply to the payment handled now. */
    EventEnvelope<ShipmentScheduled> event();

    @Override
    default List<EventEnvelope<? extends DomainEvent>> announcements() {
        return List.of(event());
    }

    /** A parcel was booked now. */
    record Scheduled(Shipment shipment, EventEnvelope<ShipmentScheduled> event) implements ScheduleOutcome {
    }

    /** The parcel was booked by an earlier delivery: announce the stored one again, under its recorded identity. */
    record AlreadyScheduled(Shipment shipment, EventEnvelope<ShipmentScheduled> event) implements ScheduleOutcome {
    }
}
