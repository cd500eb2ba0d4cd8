package com.example.shop.catalog.domain;

import com.example.shop.events.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link CatalogRepository} does, the in-memory fake as much as the DynamoDB adapter:
 * entries read back as written, a new entry needs a free id, a change is written only over the
 * version before it (optimistic locking), and {@code all()} lists every entry.
 */
public abstract class CatalogRepositoryContract {

    private static final ChangeOrigin ORIGIN = new ChangeOrigin("req-1", "corr-1", Instant.parse("2026-11-27T10:15:30Z"));
    private static final Category COFFEE = Category.create(new CategoryId("cat-coffee"), "Coffee");

    private CatalogRepository catalog;

    /** A repository with nothing in it. */
    protected abstract CatalogRepository emptyRepository();

    @BeforeEach
    void emptyCatalog() {
        catalog = emptyRepository();
    }

    private static Product product(String id, String name) {
        return Product.introduce(new ProductId(id), name, "", COFFEE.id(), new Money(1000, "EUR"));
    }

    @Test
    void entries_are_read_back_as_written() {
        Product beans = Product.introduce(new ProductId("prod-beans"), "Espresso beans", "Dark roast", COFFEE.id(),
                new Money(1890, "EUR"));
        catalog.add(COFFEE, ORIGIN);
        catalog.add(beans, ORIGIN);

        assertThat(catalog.category(COFFEE.id())).contains(COFFEE);
        assertThat(catalog.product(beans.id())).contains(beans);
        assertThat(catalog.category(new CategoryId("cat-none"))).isEmpty();
        assertThat(catalog.product(new ProductId("prod-none"))).isEmpty();
    }

    @Test
    void a_change_is_written_only_over_the_version_before_it() {
        Product beans = product("prod-beans", "Beans");
        catalog.add(beans, ORIGIN);
        Product repriced = beans.repriced(new Money(1990, "EUR"));

        assertThat(catalog.replace(repriced, ORIGIN)).isTrue();
        assertThat(catalog.replace(repriced, ORIGIN)).isFalse();
        assertThat(catalog.replace(beans.discontinued(), ORIGIN)).isFalse();
        assertThat(catalog.product(beans.id())).contains(repriced);
        assertThatThrownBy(() -> catalog.add(beans, ORIGIN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_category_is_renamed_only_over_the_version_before_it_and_never_added_twice() {
        catalog.add(COFFEE, ORIGIN);
        Category kaffee = COFFEE.renamed("Kaffee");

        assertThat(catalog.replace(kaffee, ORIGIN)).isTrue();
        assertThat(catalog.replace(kaffee, ORIGIN)).isFalse();
        assertThat(catalog.category(COFFEE.id())).contains(kaffee);
        assertThatThrownBy(() -> catalog.add(COFFEE, ORIGIN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_entry_that_was_never_added_cannot_be_replaced() {
        assertThat(catalog.replace(COFFEE.renamed("Kaffee"), ORIGIN)).isFalse();
        assertThat(catalog.replace(product("prod-ghost", "Ghost").repriced(new Money(1, "EUR")), ORIGIN)).isFalse();
        assertThat(catalog.product(new ProductId("prod-ghost"))).isEmpty();
    }

    @Test
    void all_lists_every_category_and_product() {
        catalog.add(COFFEE, ORIGIN);
        catalog.add(product("prod-a", "A"), ORIGIN);
        catalog.add(product("prod-b", "B"), ORIGIN);

        try (var entries = catalog.all()) {
            assertThat(entries.toList()).containsExactlyInAnyOrder(COFFEE, product("prod-a", "A"), product("prod-b", "B"));
        }
    }
}
