package com.example.shop.catalog.domain;

import com.example.shop.events.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CatalogReadModel} does, the in-memory fake as much as the DynamoDB adapter:
 * views written once per version and never back, category names that only move forward, the
 * views behind a rename found listed or not, and listings paged by cursor in name order without
 * discontinued products, refusing a cursor they did not hand out for the category.
 */
public abstract class CatalogReadModelContract {

    private static final Category COFFEE = Category.create(new CategoryId("cat-coffee"), "Coffee");

    private CatalogReadModel readModel;

    /** A read model with no views. */
    protected abstract CatalogReadModel emptyReadModel();

    @BeforeEach
    void emptyViews() {
        readModel = emptyReadModel();
    }

    private static Product product(String id, String name) {
        return Product.introduce(new ProductId(id), name, "", COFFEE.id(), new Money(1000, "EUR"));
    }

    @Test
    void a_product_view_is_written_once_per_version_and_never_goes_back() {
        Product beans = product("prod-beans", "Beans");
        Product repriced = beans.repriced(new Money(1990, "EUR"));

        assertThat(readModel.applyProduct(beans, COFFEE)).contains(ProductView.of(beans, COFFEE));
        assertThat(readModel.applyProduct(beans, COFFEE)).isEmpty();
        assertThat(readModel.applyProduct(repriced, COFFEE)).contains(ProductView.of(repriced, COFFEE));
        assertThat(readModel.applyProduct(beans, COFFEE)).isEmpty();
        assertThat(readModel.product(beans.id())).contains(ProductView.of(repriced, COFFEE));
        assertThat(readModel.product(new ProductId("prod-none"))).isEmpty();
    }

    @Test
    void category_names_only_move_forward_and_survive_product_changes() {
        Product beans = product("prod-beans", "Beans");
        Category kaffee = COFFEE.renamed("Kaffee");
        readModel.applyProduct(beans, COFFEE);

        assertThat(readModel.applyCategory(beans.id(), kaffee)).isTrue();
        assertThat(readModel.applyCategory(beans.id(), COFFEE)).isFalse();
        assertThat(readModel.applyCategory(new ProductId("prod-none"), kaffee)).isFalse();
        Optional<ProductView> afterPriceChange = readModel.applyProduct(beans.repriced(new Money(1, "EUR")), COFFEE);

        assertThat(afterPriceChange).map(ProductView::categoryName).contains("Kaffee");
        assertThat(afterPriceChange).map(ProductView::categoryVersion).contains(2L);
    }

    @Test
    void the_views_behind_a_rename_are_found_listed_or_not() {
        readModel.applyProduct(product("prod-a", "A"), COFFEE);
        readModel.applyProduct(product("prod-b", "B").discontinued(), COFFEE);
        Category tea = Category.create(new CategoryId("cat-tea"), "Tea");
        readModel.applyProduct(Product.introduce(new ProductId("prod-t"), "T", "", tea.id(), new Money(1, "EUR")), tea);
        Category kaffee = COFFEE.renamed("Kaffee");
        readModel.applyCategory(new ProductId("prod-a"), kaffee);

        assertThat(readModel.productsBehind(kaffee)).containsExactly(new ProductId("prod-b"));
        assertThat(readModel.productsBehind(kaffee.renamed("Café")))
                .containsExactlyInAnyOrder(new ProductId("prod-a"), new ProductId("prod-b"));
    }

    @Test
    void a_listing_pages_by_cursor_in_name_order_and_skips_discontinued_products() {
        for (String name : List.of("Espresso", "chemex", "Aeropress", "Drip kettle", "bialetti")) {
            readModel.applyProduct(product("prod-" + name.toLowerCase().replace(' ', '-'), name), COFFEE);
        }
        readModel.applyProduct(product("prod-burr", "Burr grinder").discontinued(), COFFEE);
        readModel.applyProduct(product("prod-cezve", "Cezve").discontinued(), COFFEE);

        List<List<String>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = (CatalogReadModel.Page) readModel.listed(COFFEE.id(), 2, cursor);
            pages.add(page.items().stream().map(ProductView::name).toList());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && pages.size() < 10);

        assertThat(pages).containsExactly(List.of("Aeropress", "bialetti"), List.of("chemex", "Drip kettle"),
                List.of("Espresso"));
    }

    @Test
    void an_unknown_category_lists_nothing() {
        readModel.applyProduct(product("prod-a", "A"), COFFEE);

        var page = (CatalogReadModel.Page) readModel.listed(new CategoryId("cat-tea"), 10, Optional.empty());

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void a_forged_or_foreign_cursor_is_an_invalid_cursor() {
        readModel.applyProduct(product("prod-a", "A"), COFFEE);
        readModel.applyProduct(product("prod-b", "B"), COFFEE);
        var first = (CatalogReadModel.Page) readModel.listed(COFFEE.id(), 1, Optional.empty());

        assertThat(readModel.listed(new CategoryId("cat-tea"), 1, first.nextCursor()))
                .isInstanceOf(CatalogReadModel.InvalidCursor.class);
        assertThat(readModel.listed(COFFEE.id(), 1, Optional.of("bm90LWpzb24")))
                .isInstanceOf(CatalogReadModel.InvalidCursor.class);
    }
}
