package com.example.shop.payment.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.PaymentEvent;
import com.example.shop.events.ShippingAddress;
import com.example.shop.events.StockReserved;

import java.util.List;
import java.util.Objects;

/**
 * The outcome was recorded by an earlier delivery: announce it again under its recorded identity
 * (event id and time), without touching the provider. Publishing again is what makes a crash
 * between "recorded" and "published" harmless; downstream consumers drop the duplicate. It is not
 * a new decision, so it is not counted again.
 *
 * @param event the recorded fact, in reply to the event being handled now
 */
public record AlreadyRecorded(EventEnvelope<? extends PaymentEvent> event)
        implements ChargeOutcome, RefundOutcome, GiveUpOutcome {

    public AlreadyRecorded {
        Objects.requireNonNull(event, "event");
    }

    /**
     * The recorded outcome of {@code payment}, announced again in reply to {@code reserved} (a
     * charge forwards the reservation's shipping address, as it did the first time).
     */
    static AlreadyRecorded of(Payment.Decided payment, EventEnvelope<StockReserved> reserved) {
        ShippingAddress address = reserved.data().shippingAddress();
        return new AlreadyRecorded(EventEnvelope.causedBy(reserved, payment.announcedFact(address),
                payment.announcement()));
    }

    @Override
    public List<EventEnvelope<? extends DomainEvent>> announcements() {
        return List.of(event);
    }
}
