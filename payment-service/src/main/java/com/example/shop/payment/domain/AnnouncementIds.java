package com.example.shop.payment.domain;

import com.example.shop.events.PaymentEvent;

/**
 * Chooses the event id for an outcome that is about to be recorded for the first time.
 *
 * <p>The caller derives it from the event being handled, so that a handler that crashes after
 * recording and is retried would choose the same id anyway; once recorded, the stored
 * {@link Announcement} wins.
 */
@FunctionalInterface
public interface AnnouncementIds {

    /** The id to announce an outcome of the given type under. */
    String eventIdFor(Class<? extends PaymentEvent> type);
}
