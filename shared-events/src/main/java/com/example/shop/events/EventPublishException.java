package com.example.shop.events;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Some events were not accepted by the event bus, even after retrying: an infrastructure failure
 * that the caller must let fail its message or stream record, so that nothing is lost.
 *
 * <p>It names every event that failed and why, so an outbox publisher can report exactly those
 * records as failed and let the others go.
 */
public final class EventPublishException extends RuntimeException {

    /**
     * One event the bus did not accept.
     *
     * @param eventId the event's {@code metadata.eventId}
     * @param eventType the event's type
     * @param errorCode the bus's error code, for example {@code InternalFailure}
     * @param errorMessage the bus's explanation, possibly {@code null}
     */
    public record FailedEvent(String eventId, String eventType, String errorCode, String errorMessage) {

        public FailedEvent {
            Checks.nonBlank(eventId, "eventId");
            Checks.nonBlank(eventType, "eventType");
            Checks.nonBlank(errorCode, "errorCode");
        }
    }

    private final transient List<FailedEvent> failures;

    /**
     * @param destination where the events were sent, for example the event bus name
     * @param attempted how many events the caller asked to publish
     * @param failures the events that were not accepted, at least one
     */
    public EventPublishException(String destination, int attempted, List<FailedEvent> failures) {
        super(describe(destination, attempted, Checks.copyOf(failures, 1, Integer.MAX_VALUE, "failures")));
        this.failures = List.copyOf(failures);
    }

    /** Every event that was not accepted, with its error code. */
    public List<FailedEvent> failures() {
        return failures;
    }

    /** The ids of the events that were not accepted. */
    public List<String> failedEventIds() {
        return failures.stream().map(FailedEvent::eventId).toList();
    }

    private static String describe(String destination, int attempted, List<FailedEvent> failures) {
        return failures.size() + " of " + attempted + " events were not accepted by " + destination + ": "
                + failures.stream()
                        .map(f -> f.eventType() + " " + f.eventId() + " (" + f.errorCode()
                                + (f.errorMessage() == null ? "" : ": " + f.errorMessage()) + ")")
                        .collect(Collectors.joining(", "));
    }
}
