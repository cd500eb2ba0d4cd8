package com.example.shop.catalog;

import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.RequestTrace;
import com.example.shop.events.Money;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A small coffee shop catalog that the tests build on, and a fixed time (ids: {@code SequentialIds}). */
public final class CatalogFixtures {

    public static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final RequestTrace TRACE = new RequestTrace("req-1", "corr-1");
    public static final ChangeOrigin ORIGIN = ChangeOrigin.of(TRACE, NOW);

    public static final CategoryId COFFEE_ID = new CategoryId("cat-coffee");
    public static final Category COFFEE = Category.create(COFFEE_ID, "Coffee");
    public static final ProductId BEANS_ID = new ProductId("prod-espresso-beans-1kg");
    public static final Product BEANS = Product.introduce(BEANS_ID, "Espresso beans, 1 kg", "Dark roast",
            COFFEE_ID, euros(1890));

    private CatalogFixtures() {
    }

    public static Money euros(long cents) {
        return new Money(cents, "EUR");
    }

    /** An active product of the coffee category at version 1. */
    public static Product product(String id, String name) {
        return Product.introduce(new ProductId(id), name, "", COFFEE_ID, euros(1000));
    }

    /** The origin of a write made at {@code NOW} plus {@code seconds}. */
    public static ChangeOrigin originAt(long seconds) {
        return ChangeOrigin.of(TRACE, NOW.plusSeconds(seconds));
    }
}
