package com.example.shop.events;

import java.time.Instant;

/**
 * One event as it travels between services: its {@link EventMetadata} and its business data.
 *
 * <p>This is the EventBridge {@code detail}: {@code {"metadata": {...}, "data": {...}}}. The
 * constructor refuses metadata that disagrees with the data (type, version or source), so an
 * envelope is always internally consistent.
 *
 * <p>Ids and times are passed in, never generated here: producers take them from an injected id
 * generator and {@code Clock}, which keeps tests deterministic and SnapStart snapshots free of
 * frozen values.
 *
 * @param metadata what the event says about itself
 * @param data the business fact
 * @param <T> the kind of fact
 */
public record EventEnvelope<T extends DomainEvent>(EventMetadata metadata, T data) {

    public EventEnvelope {
        Checks.present(metadata, "metadata");
        Checks.present(data, "data");
        Class<? extends DomainEvent> registered =
                EventTypes.lookup(metadata.eventType(), metadata.eventVersion()).orElse(null);
        if (registered != data.getClass()) {
            throw new IllegalArgumentException("metadata names " + metadata.eventType() + " v"
                    + metadata.eventVersion() + " but data is a " + data.getClass().getSimpleName());
        }
        if (!metadata.source().equals(data.source())) {
            throw new IllegalArgumentException("metadata.source must be " + data.source() + " for "
                    + metadata.eventType() + " but was " + metadata.source());
        }
    }

    /**
     * Wraps a fact that starts a chain of events, for example one caused by an HTTP request.
     *
     * <p>Type, version and source are derived from the data; the version is the current one in
     * {@link EventTypes}.
     *
     * @param data the fact
     * @param eventId a fresh UUID from the caller's id generator
     * @param occurredAt now, from the caller's clock
     * @param correlationId the id that will follow the whole saga, often the request id
     * @param causationId the id of the command or request that caused the fact
     */
    public static <T extends DomainEvent> EventEnvelope<T> of(
            T data, String eventId, Instant occurredAt, String correlationId, String causationId) {
        Checks.present(data, "data");
        Class<? extends DomainEvent> type = data.getClass();
        EventMetadata metadata = new EventMetadata(
                eventId,
                EventTypes.eventTypeOf(type),
                EventTypes.currentVersionOf(type),
                occurredAt,
                data.source(),
                correlationId,
                causationId);
        return new EventEnvelope<>(metadata, data);
    }

    /**
     * Wraps a fact that a consumer announces in reaction to an incoming event: the new event keeps
     * the saga's correlation id, names the incoming event as its cause, and takes its id and time
     * from {@code announcement} (derived from the cause, or recorded by an earlier delivery).
     *
     * @param cause the event being handled
     * @param data the new fact
     * @param announcement the event id and time to announce the fact under
     */
    public static <T extends DomainEvent> EventEnvelope<T> causedBy(
            EventEnvelope<?> cause, T data, Announcement announcement) {
        Checks.present(cause, "cause");
        Checks.present(announcement, "announcement");
        return of(data, announcement.eventId(), announcement.occurredAt(), cause.metadata().correlationId(),
                cause.metadata().eventId());
    }

    /**
     * Wraps a fact decided now in reaction to {@code cause}, under the id {@link EventIds} derives
     * from the cause and the fact's type.
     *
     * @param cause the event being handled
     * @param data the new fact
     * @param occurredAt now, from the caller's clock
     */
    public static <T extends DomainEvent> EventEnvelope<T> causedBy(EventEnvelope<?> cause, T data, Instant occurredAt) {
        Checks.present(data, "data");
        return causedBy(cause, data, Announcement.causedBy(cause, data.getClass(), occurredAt));
    }

    /** The identity this event is announced under. */
    public Announcement announcement() {
        return new Announcement(metadata.eventId(), metadata.occurredAt());
    }

    /** The id consumers deduplicate on. */
    public String eventId() {
        return metadata.eventId();
    }

    /** The id shared by every event of the saga this event belongs to. */
    public String correlationId() {
        return metadata.correlationId();
    }
}
