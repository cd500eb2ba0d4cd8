package com.example.shop.events;

import java.util.UUID;

/**
 * A source of fresh unique ids (new orders, shipments, products, the first event of a chain),
 * asked at the moment an id is needed, never at init, where SnapStart would freeze it into every
 * restored execution environment. Production wires {@link #randomUuids()}; tests pass a
 * predictable sequence. An id caused by another event is never drawn here but derived with
 * {@link EventIds}.
 */
@FunctionalInterface
public interface IdGenerator {

    /** A new id that no other call has returned. */
    String newId();

    /** Random (version 4) UUIDs, drawn on each call. */
    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
