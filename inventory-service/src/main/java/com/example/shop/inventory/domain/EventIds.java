package com.example.shop.inventory.domain;

/**
 * Where the ids of the events inventory announces come from: each id is computed from the event
 * that caused it, so handling the same trigger twice announces the same id and downstream
 * consumers recognise the repeat.
 */
@FunctionalInterface
public interface EventIds {

    /**
     * The id of the event announced for {@code purpose} (the announced event's type) in reaction
     * to the event {@code causeEventId}.
     */
    String derive(String causeEventId, String purpose);
}
