package com.example.shop.payment.domain;

import com.example.shop.events.PaymentEvent;

import java.util.Objects;

/**
 * The outcome was recorded by an earlier delivery: announce it again under its original event
 * id, without touching the provider. Publishing again is what makes a crash between "recorded"
 * and "published" harmless; downstream consumers drop the duplicate.
 *
 * @param fact the recorded fact
 * @param announcement the id and time it was first announced under
 */
public record Reannounce(PaymentEvent fact, Announcement announcement)
        implements Announced, ChargeOutcome, RefundOutcome, GiveUpOutcome {

    public Reannounce {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(announcement, "announcement");
    }
}
