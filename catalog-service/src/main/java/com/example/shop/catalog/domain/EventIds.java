package com.example.shop.catalog.domain;

/**
 * Event ids computed from what caused them: the same cause and purpose always give the same id,
 * so an announcement published again (a retried stream batch) carries the id consumers already
 * deduplicate on.
 */
@FunctionalInterface
public interface EventIds {

    /** The UUID for {@code purpose} (the event type) caused by {@code cause}. */
    String derive(String cause, String purpose);
}
