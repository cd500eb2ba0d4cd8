package com.example.shop.catalog.domain;

import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.events.Money;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.BEANS_ID;
import static com.example.shop.catalog.CatalogFixtures.CLOCK;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.COFFEE_ID;
import static com.example.shop.catalog.CatalogFixtures.ORIGIN;
import static com.example.shop.catalog.CatalogFixtures.TRACE;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff commands on the write model: one conditional write each, refusals as values. */
class CatalogAdministrationTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE).with(BEANS);
    private final CatalogAdministration administration = new CatalogAdministration(catalog, new SequentialIds(), CLOCK);

    @Test
    void a_new_category_gets_a_fresh_id_and_is_written_with_the_request_origin() {
        Category tea = administration.createCategory("Tea", TRACE);

        assertThat(tea).isEqualTo(new Category(new CategoryId("cat-" + SequentialIds.id(1)), "Tea", 1));
        assertThat(catalog.writes()).containsExactly(new InMemoryCatalogRepository.Write(tea, ORIGIN));
    }

    @Test
    void a_rename_writes_the_category_one_version_on() {
        var outcome = administration.renameCategory(COFFEE_ID, "Kaffee", TRACE);

        assertThat(outcome).isEqualTo(new CatalogAdministration.CategorySaved(new Category(COFFEE_ID, "Kaffee", 2)));
        assertThat(catalog.category(COFFEE_ID)).map(Category::name).contains("Kaffee");
    }

    @Test
    void renaming_an_unknown_category_writes_nothing() {
        var outcome = administration.renameCategory(new CategoryId("cat-none"), "X", TRACE);

        assertThat(outcome).isEqualTo(new CatalogAdministration.NoSuchCategory(new CategoryId("cat-none")));
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void a_rename_that_loses_the_race_against_another_rename_is_a_concurrent_change() {
        catalog.beforeNextReplace(() -> catalog.force(COFFEE.renamed("Someone else's name")));

        var outcome = administration.renameCategory(COFFEE_ID, "Kaffee", TRACE);

        assertThat(outcome).isEqualTo(new CatalogAdministration.ConcurrentChange());
        assertThat(catalog.category(COFFEE_ID)).map(Category::name).contains("Someone else's name");
    }

    @Test
    void a_product_is_introduced_into_an_existing_category() {
        var outcome = administration.introduceProduct(new CatalogAdministration.NewProduct("Moka pot", "6 cups",
                COFFEE_ID, euros(3490)), TRACE);

        Product expected = Product.introduce(new ProductId("prod-" + SequentialIds.id(1)), "Moka pot", "6 cups",
                COFFEE_ID, euros(3490));
        assertThat(outcome).isEqualTo(new CatalogAdministration.ProductSaved(expected));
        assertThat(catalog.writes()).containsExactly(new InMemoryCatalogRepository.Write(expected, ORIGIN));
    }

    @Test
    void a_product_of_an_unknown_category_is_refused() {
        var outcome = administration.introduceProduct(new CatalogAdministration.NewProduct("Teapot", "",
                new CategoryId("cat-tea"), euros(2000)), TRACE);

        assertThat(outcome).isEqualTo(new CatalogAdministration.NoSuchCategory(new CategoryId("cat-tea")));
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void a_price_change_writes_the_product_one_version_on() {
        var outcome = administration.changePrice(BEANS_ID, euros(1990), TRACE);

        assertThat(outcome).isEqualTo(new CatalogAdministration.ProductSaved(BEANS.repriced(euros(1990))));
    }

    @Test
    void a_price_in_another_currency_is_a_mismatch() {
        var outcome = administration.changePrice(BEANS_ID, new Money(1990, "USD"), TRACE);

        assertThat(outcome).isEqualTo(new CatalogAdministration.CurrencyMismatch(euros(1890), new Money(1990, "USD")));
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void the_same_price_again_writes_nothing() {
        assertThat(administration.changePrice(BEANS_ID, euros(1890), TRACE))
                .isEqualTo(new CatalogAdministration.Unchanged(BEANS));
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void a_discontinued_product_cannot_be_repriced() {
        catalog.force(BEANS.discontinued());

        assertThat(administration.changePrice(BEANS_ID, euros(1990), TRACE))
                .isEqualTo(new CatalogAdministration.NotForSale(BEANS.discontinued()));
    }

    @Test
    void an_unknown_product_has_no_price_to_change_and_cannot_be_discontinued() {
        ProductId ghost = new ProductId("prod-ghost");

        assertThat(administration.changePrice(ghost, euros(1), TRACE))
                .isEqualTo(new CatalogAdministration.NoSuchProduct(ghost));
        assertThat(administration.discontinue(ghost, TRACE)).isEqualTo(new CatalogAdministration.NoSuchProduct(ghost));
    }

    @Test
    void a_price_change_that_loses_the_race_is_a_concurrent_change() {
        catalog.beforeNextReplace(() -> catalog.force(BEANS.repriced(euros(2100))));

        assertThat(administration.changePrice(BEANS_ID, euros(1990), TRACE))
                .isEqualTo(new CatalogAdministration.ConcurrentChange());
        assertThat(catalog.product(BEANS_ID)).map(Product::price).contains(euros(2100));
    }

    @Test
    void discontinuing_writes_once_and_a_second_time_changes_nothing() {
        var first = administration.discontinue(BEANS_ID, TRACE);
        var second = administration.discontinue(BEANS_ID, TRACE);

        assertThat(first).isEqualTo(new CatalogAdministration.ProductSaved(BEANS.discontinued()));
        assertThat(second).isEqualTo(new CatalogAdministration.Unchanged(BEANS.discontinued()));
        assertThat(catalog.writes()).hasSize(1);
    }
}
