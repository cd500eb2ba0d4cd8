package com.example.shop.platform;

/**
 * The consumer side of at-least-once delivery: which events a consumer has already handled.
 *
 * <p>Consumers deduplicate on the envelope's {@code eventId} (the same across every redelivery
 * and every republish), never on a queue's message id, which changes when EventBridge retries.
 * A marker is written only after the handling succeeded, so a crash in between means the event
 * is handled again; every handler's state change is therefore keyed to be safe to repeat, and
 * this store only saves the repeat in the common case.
 */
public interface ProcessedEvents {

    /**
     * How long every consumer remembers an event it handled: longer than the bus archive keeps
     * events (30 days by default), so even a replay of the archive is recognised as a repeat.
     */
    java.time.Duration RETENTION = java.time.Duration.ofDays(35);

    /**
     * No markers, for a consumer whose every route records the event's id in the very state it
     * writes and ignores an event it finds recorded there (the order's history): a marker would
     * only repeat that route's read and write, two requests per event. Every delivery runs the
     * route, which is then the only guard against a repeat.
     */
    ProcessedEvents KEPT_BY_THE_ROUTES = new ProcessedEvents() {
        @Override
        public boolean contains(String consumer, String eventId) {
            return false;
        }

        @Override
        public void add(String consumer, String eventId) {
        }
    };

    /** Whether {@code consumer} already handled the event. */
    boolean contains(String consumer, String eventId);

    /** Records that {@code consumer} handled the event. */
    void add(String consumer, String eventId);
}
