package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.IdGenerator;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.ShipmentScheduled;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Use case: book a parcel for a paid order, once.
 *
 * <p>The carrier is chosen by destination country ({@link Carriers}), the shipment id and the
 * tracking number come from the id generator (the tracking number in the carrier's format), and
 * the estimated delivery is the clock's date (UTC as wired for Lambda) plus the carrier's
 * business days. The shipment is stored under the order id only if the order has none, together
 * with the identity of its {@code ShipmentScheduled} (id derived from the payment event's); a
 * redelivery, a republished payment, or a concurrent duplicate that lost the race, gets the stored
 * shipment back, so the same event is announced with the same values, id and time. The outcome
 * carries the event; the caller publishes it.
 */
public record ScheduleShipment(ShipmentRepository shipments, IdGenerator ids, Clock clock) {

    /**
     * Schedules the paid order's shipment once.
     *
     * @param charged the payment, which carries the shipping address, and is the cause of the announcement
     */
    public ScheduleOutcome schedule(EventEnvelope<PaymentCharged> charged) {
        PaymentCharged payment = charged.data();
        var existing = shipments.find(payment.orderId());
        if (existing.isPresent()) {
            return alreadyScheduled(charged, existing.get());
        }
        Carrier carrier = Carriers.forCountry(payment.shippingAddress().countryCode());
        Shipment shipment = new Shipment(payment.orderId(), payment.customerId(), "shp-" + ids.newId(), carrier.name(),
                carrier.trackingNumber(ids.newId()),
                BusinessDays.after(LocalDate.now(clock), carrier.businessDaysToDeliver()),
                Announcement.causedBy(charged, ShipmentScheduled.class, clock.instant()));
        if (shipments.add(shipment)) {
            return new ScheduleOutcome.Scheduled(shipment, shipment.announcedInReplyTo(charged));
        }
        return alreadyScheduled(charged, shipments.find(payment.orderId()).orElseThrow(() ->
                new IllegalStateException("shipment of order " + payment.orderId() + " exists but cannot be read")));
    }

    private static ScheduleOutcome alreadyScheduled(EventEnvelope<PaymentCharged> charged, Shipment stored) {
        return new ScheduleOutcome.AlreadyScheduled(stored, stored.announcedInReplyTo(charged));
    }
}
