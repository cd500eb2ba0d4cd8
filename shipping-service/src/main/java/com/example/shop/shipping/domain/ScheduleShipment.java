package com.example.shop.shipping.domain;

import com.example.shop.events.Announcement;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.IdGenerator;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.shipping.domain.CarrierBookings.Booked;
import com.example.shop.shipping.domain.CarrierBookings.Parcel;
import com.example.shop.shipping.domain.CarrierBookings.Refused;

import java.time.Clock;

/**
 * Use case: book a parcel for a paid order, once, unless the order was cancelled first.
 *
 * <ul>
 *   <li>nothing recorded: the carriers are asked to take the parcel (idempotency key: the order
 *       id; the shipment id comes from the id generator). A booking is stored with the identity
 *       of its {@code ShipmentScheduled}, a refusal with that of its {@code ShipmentFailed} (ids
 *       derived from the payment event's), each only if the order still has no record;</li>
 *   <li>a booking or a refusal recorded by an earlier delivery: announce it again, same values,
 *       id and time;</li>
 *   <li>a cancel marker, or a booking withdrawn since: book nothing, announce nothing.</li>
 * </ul>
 *
 * <p>If the write of a new booking loses to a cancel marker written meanwhile, the booking just
 * made is withdrawn from the carrier, so no live shipment remains, and nothing is announced. A
 * write that loses to a duplicate delivery's booking keeps the duplicate's: the carrier answered
 * both with the same booking (same idempotency key). The outcome carries the event; the caller
 * publishes it.
 */
public record ScheduleShipment(ShipmentRepository shipments, CarrierBookings carriers, IdGenerator ids, Clock clock) {

    /**
     * Schedules the paid order's shipment once.
     *
     * @param charged the payment, which carries the shipping address and the declared value, and is
     *                the cause of the announcement
     */
    public ScheduleOutcome schedule(EventEnvelope<PaymentCharged> charged) {
        PaymentCharged payment = charged.data();
        var existing = shipments.find(payment.orderId());
        if (existing.isPresent()) {
            return recorded(charged, existing.get());
        }
        String shipmentId = "shp-" + ids.newId();
        var result = carriers.book(new Parcel(payment.orderId(), payment.shippingAddress(), payment.amount()));
        return switch (result) {
            case Booked booked -> store(charged, new Shipment(payment.orderId(), payment.customerId(), shipmentId,
                    booked.carrier(), booked.trackingNumber(), booked.estimatedDelivery(),
                    Announcement.causedBy(charged, ShipmentScheduled.class, clock.instant())));
            case Refused refused -> store(charged, new FailedShipment(payment.orderId(), payment.customerId(),
                    refused.reason(), Announcement.causedBy(charged, ShipmentFailed.class, clock.instant())));
        };
    }

    private ScheduleOutcome store(EventEnvelope<PaymentCharged> charged, Shipment shipment) {
        if (shipments.add(shipment)) {
            return new ScheduleOutcome.Scheduled(shipment, shipment.announcedInReplyTo(charged));
        }
        ShippingRecord winner = reread(shipment.orderId());
        if (!(winner instanceof Shipment)) {
            // The cancellation got there first: the parcel just booked must not stay with the carrier.
            carriers.withdraw(shipment.withdrawal());
        }
        return recorded(charged, winner);
    }

    private ScheduleOutcome store(EventEnvelope<PaymentCharged> charged, FailedShipment failure) {
        if (shipments.add(failure)) {
            return new ScheduleOutcome.Failed(failure, failure.announcedInReplyTo(charged));
        }
        return recorded(charged, reread(failure.orderId()));
    }

    /** What an earlier delivery, or the cancellation, recorded decides; nothing is booked. */
    private static ScheduleOutcome recorded(EventEnvelope<PaymentCharged> charged, ShippingRecord stored) {
        return switch (stored) {
            case Shipment shipment -> new ScheduleOutcome.AlreadyScheduled(shipment, shipment.announcedInReplyTo(charged));
            case FailedShipment failure -> new ScheduleOutcome.AlreadyFailed(failure, failure.announcedInReplyTo(charged));
            case CancelMarker marker -> new ScheduleOutcome.CancelledFirst(marker.orderId(), marker.state());
            case CancelledShipment cancelled -> new ScheduleOutcome.CancelledFirst(cancelled.orderId(), cancelled.state());
        };
    }

    private ShippingRecord reread(String orderId) {
        return shipments.find(orderId).orElseThrow(() ->
                new IllegalStateException("the shipment record of order " + orderId + " exists but cannot be read"));
    }
}
