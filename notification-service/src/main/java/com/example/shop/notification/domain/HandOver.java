package com.example.shop.notification.domain;

import java.time.Instant;

/**
 * The {@link ContactBook}'s answer to "may this message of the order be handed to the
 * notifications topic now?", decided by one conditional write on the order's contact.
 */
public sealed interface HandOver {

    /**
     * Yes, and this is where it goes.
     *
     * @param contact the order's contact
     * @param claimedAt when the permission was taken; for a progress message it identifies the
     *                  claim that {@link ContactBook#releaseProgress} gives back
     */
    record Granted(CustomerContact contact, Instant claimedAt) implements HandOver {
    }

    /**
     * No, and never: another final message has closed the order.
     *
     * @param by the final message that closed it
     */
    record Closed(Closure by) implements HandOver {
    }

    /**
     * Not now: a progress message of the order is being handed over by another attempt, and a
     * final message must not overtake it (nor a second progress message run alongside it).
     *
     * @param claimedAt when that attempt took its claim
     */
    record ProgressInFlight(Instant claimedAt) implements HandOver {
    }

    /** Not yet: the order's {@code OrderPlaced} has not been handled, so its contact is unknown. */
    record ContactUnknown() implements HandOver {
    }
}
