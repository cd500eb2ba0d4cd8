package com.example.shop.shipping.domain;

/** What came of scheduling an order's shipment; either way there is a shipment to announce. */
public sealed interface ScheduleOutcome permits ScheduleOutcome.Scheduled, ScheduleOutcome.AlreadyScheduled {

    /** The shipment to announce. */
    Shipment shipment();

    /** A parcel was booked now. */
    record Scheduled(Shipment shipment) implements ScheduleOutcome {
    }

    /** The parcel was booked by an earlier delivery: announce the stored one again. */
    record AlreadyScheduled(Shipment shipment) implements ScheduleOutcome {
    }
}
