package com.example.shop.shipping.domain;

import com.example.shop.events.PaymentCharged;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Use case: book a parcel for a paid order, once.
 *
 * <p>The carrier is chosen by destination country ({@link Carriers}), the tracking number comes
 * from the id generator in the carrier's format, and the estimated delivery is the clock's date
 * (UTC as wired for Lambda) plus the carrier's business days. The shipment is stored under the order id only if the
 * order has none; a redelivery, or a concurrent duplicate that lost the race, gets the stored
 * shipment back, so the same {@code ShipmentScheduled} is announced with the same values.
 */
public final class ScheduleShipment {

    private final ShipmentRepository shipments;
    private final IdGenerator ids;
    private final Clock clock;

    public ScheduleShipment(ShipmentRepository shipments, IdGenerator ids, Clock clock) {
        this.shipments = Objects.requireNonNull(shipments, "shipments");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Schedules the paid order's shipment once.
     *
     * @param charged the payment, which carries the shipping address
     * @param announceAs the event id to announce a newly booked shipment under
     */
    public ScheduleOutcome schedule(PaymentCharged charged, String announceAs) {
        var existing = shipments.find(charged.orderId());
        if (existing.isPresent()) {
            return new ScheduleOutcome.AlreadyScheduled(existing.get());
        }
        Carrier carrier = Carriers.forCountry(charged.shippingAddress().countryCode());
        Shipment shipment = new Shipment(charged.orderId(), charged.customerId(), "shp-" + ids.next(), carrier.name(),
                carrier.trackingNumber(ids.next()),
                BusinessDays.after(LocalDate.now(clock), carrier.businessDaysToDeliver()),
                new Announcement(announceAs, clock.instant()));
        if (shipments.add(shipment)) {
            return new ScheduleOutcome.Scheduled(shipment);
        }
        return new ScheduleOutcome.AlreadyScheduled(shipments.find(charged.orderId()).orElseThrow(() ->
                new IllegalStateException("shipment of order " + charged.orderId() + " exists but cannot be read")));
    }
}
