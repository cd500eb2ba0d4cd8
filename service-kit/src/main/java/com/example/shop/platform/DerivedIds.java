package com.example.shop.platform;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids computed from what caused them, so that a retried handler announces the very same event.
 *
 * <p>A consumer that publishes after its state change may publish twice (a crash between the
 * publish and the acknowledgement). Deriving the new event's id from the incoming event's id
 * makes the second publish a duplicate that downstream consumers recognise and skip.
 */
public final class DerivedIds {

    private DerivedIds() {
    }

    /** A name-based UUID for {@code purpose} (e.g. the outgoing event type) caused by {@code causeId}. */
    public static String from(String causeId, String purpose) {
        return UUID.nameUUIDFromBytes((causeId + "|" + purpose).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
