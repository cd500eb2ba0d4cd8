package com.example.shop.catalog.domain;

import java.time.Instant;

/**
 * Where and when a change of the write model came from. It is stored on the changed item, so that
 * the outbox publisher, reading the table's stream later (and again on a retry), announces the
 * change with the same time, correlation and cause every time.
 *
 * @param requestId     the request that made the change (the events' {@code causationId})
 * @param correlationId the correlation id of that request
 * @param occurredAt    when the change was made (the events' {@code occurredAt})
 */
public record ChangeOrigin(String requestId, String correlationId, Instant occurredAt) {

    public ChangeOrigin {
        if (requestId == null || requestId.isBlank() || correlationId == null || correlationId.isBlank()
                || occurredAt == null) {
            throw new IllegalArgumentException("requestId, correlationId and occurredAt must be present");
        }
    }

    /** The origin of a change requested by {@code trace} at {@code occurredAt}. */
    public static ChangeOrigin of(RequestTrace trace, Instant occurredAt) {
        return new ChangeOrigin(trace.requestId(), trace.correlationId(), occurredAt);
    }
}
