package com.example.shop.events;

import java.util.List;

/**
 * What a use case decided to tell the rest of the shop, for its caller to publish.
 *
 * <p>Domains never call the publisher: a use case makes its state change (an idempotent,
 * conditional write) and returns an outcome that carries the events to announce. The platform's
 * consumer publishes them through the one {@link EventPublisher} port after the use case returns,
 * and only then acknowledges the message, so a failed publish is retried by redelivery (see the
 * publishing rule in {@code docs/decisions/0001-announcing-events.md}).
 */
public interface Announces {

    /** An outcome that announces nothing (the change was local, or nothing changed). */
    Announces NOTHING = List::of;

    /** The events to publish, in order; empty when the outcome announces nothing. */
    List<EventEnvelope<? extends DomainEvent>> announcements();
}
