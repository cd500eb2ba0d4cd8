package com.example.shop.catalog.domain;

import com.example.shop.events.CatalogEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventIds;
import com.example.shop.events.ProductCreated;
import com.example.shop.events.ProductDiscontinued;
import com.example.shop.events.ProductPriceChanged;

import java.util.ArrayList;
import java.util.List;

/**
 * Which facts a change of a product announces to the rest of the shop: a new product is
 * {@code ProductCreated}, a new price {@code ProductPriceChanged}, the end of sale
 * {@code ProductDiscontinued}; anything else (a category, a write that changed none of these)
 * announces nothing.
 *
 * <p>Everything in an announcement comes from the change itself, never from the time or a random
 * id now: the event id is the shop's one rule ({@link EventIds}) applied to the product and its
 * new version ({@code <productId>@<version>}) and the event type, and the time, correlation and
 * cause are the ones the command stored on the item. Announcing the same change again (a retried
 * stream batch) therefore gives identical events that consumers recognise as duplicates. How they
 * reach the bus is not the catalog's business: the outbox publisher ({@code StreamOutbox}) sends
 * what this returns.
 */
public final class ProductAnnouncements {

    private ProductAnnouncements() {
    }

    /** The events a change announces, in the order they happened; often none. */
    public static List<EventEnvelope<? extends CatalogEvent>> of(CatalogChange change) {
        if (!(change instanceof CatalogChange.ProductChanged(var before, var after, var origin))) {
            return List.of();
        }
        List<CatalogEvent> facts = new ArrayList<>();
        if (before.isEmpty()) {
            facts.add(new ProductCreated(after.id().value(), after.name(), after.categoryId().value(), after.price()));
        } else {
            Product previous = before.get();
            if (!previous.price().equals(after.price())) {
                facts.add(new ProductPriceChanged(after.id().value(), previous.price(), after.price()));
            }
            if (previous.isActive() && !after.isActive()) {
                facts.add(new ProductDiscontinued(after.id().value()));
            }
        }
        return facts.stream().<EventEnvelope<? extends CatalogEvent>>map(fact -> EventEnvelope.of(fact,
                EventIds.derive(after.id().value() + "@" + after.version(), fact.getClass()),
                origin.occurredAt(), origin.correlationId(), origin.requestId())).toList();
    }
}
