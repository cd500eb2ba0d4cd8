package com.example.shop.order.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ProductCreated;
import com.example.shop.events.ProductDiscontinued;
import com.example.shop.events.ProductPriceChanged;

/**
 * Keeps the order service's own price list from the catalog's announcements, so placing an
 * order never calls the catalog: a new product gets its price, a price change replaces it, a
 * discontinued product loses it (orders for it are then refused as unknown products).
 *
 * <p>The version of each price is the announcement's {@code occurredAt} (epoch milliseconds),
 * which the catalog takes from the change itself, so a redelivered or republished announcement
 * carries the same version and is recognised as already applied. Announcements that lose to a
 * newer one are {@link Outcome#SUPERSEDED}: a value, not an error, so the message is acknowledged.
 */
public record PriceProjection(PriceBook book) {

    /** A new product: its first price. */
    public Outcome productCreated(EventEnvelope<ProductCreated> created) {
        ProductCreated data = created.data();
        return outcome(book.record(new ListPrice(data.productId(), data.price(), versionOf(created))));
    }

    /** A new price for a product. */
    public Outcome priceChanged(EventEnvelope<ProductPriceChanged> changed) {
        ProductPriceChanged data = changed.data();
        return outcome(book.record(new ListPrice(data.productId(), data.newPrice(), versionOf(changed))));
    }

    /** A product withdrawn from sale: no price any more. */
    public Outcome productDiscontinued(EventEnvelope<ProductDiscontinued> discontinued) {
        return outcome(book.withdraw(discontinued.data().productId(), versionOf(discontinued)));
    }

    private static long versionOf(EventEnvelope<?> event) {
        return event.metadata().occurredAt().toEpochMilli();
    }

    private static Outcome outcome(boolean written) {
        return written ? Outcome.APPLIED : Outcome.SUPERSEDED;
    }

    /** What an announcement did to the price list. */
    public enum Outcome {
        /** The price list now reflects the announcement. */
        APPLIED,
        /** The price list already reflected this announcement or a newer one: nothing changed. */
        SUPERSEDED
    }
}
