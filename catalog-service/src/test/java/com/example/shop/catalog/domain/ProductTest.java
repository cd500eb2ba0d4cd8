package com.example.shop.catalog.domain;

import com.example.shop.events.Money;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.COFFEE_ID;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a product's and a category's life. */
class ProductTest {

    @Test
    void a_new_product_is_for_sale_at_version_1() {
        assertThat(BEANS.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(BEANS.version()).isEqualTo(1);
        assertThat(BEANS.isActive()).isTrue();
    }

    @Test
    void a_price_change_keeps_everything_else_and_moves_one_version_on() {
        Product repriced = BEANS.repriced(euros(1990));

        assertThat(repriced.price()).isEqualTo(euros(1990));
        assertThat(repriced.version()).isEqualTo(2);
        assertThat(repriced).usingRecursiveComparison().ignoringFields("price", "version").isEqualTo(BEANS);
    }

    @Test
    void a_price_in_another_currency_is_refused() {
        assertThat(BEANS.acceptsCurrencyOf(new Money(1990, "USD"))).isFalse();
        assertThatThrownBy(() -> BEANS.repriced(new Money(1990, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    }

    @Test
    void discontinuing_is_final() {
        Product discontinued = BEANS.discontinued();

        assertThat(discontinued.status()).isEqualTo(ProductStatus.DISCONTINUED);
        assertThat(discontinued.version()).isEqualTo(2);
        assertThatThrownBy(discontinued::discontinued).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> discontinued.repriced(euros(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_product_needs_a_name_and_a_version_of_at_least_1() {
        assertThatThrownBy(() -> Product.introduce(new ProductId("p-1"), " ", "", COFFEE_ID, euros(1)))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> new Product(new ProductId("p-1"), "Mug", "", COFFEE_ID, euros(1),
                ProductStatus.ACTIVE, 0)).hasMessageContaining("version");
    }

    @Test
    void ids_that_cannot_be_part_of_a_key_are_refused() {
        assertThat(ProductId.isWellFormed("prod-espresso-beans-1kg")).isTrue();
        assertThat(ProductId.isWellFormed("prod#1")).isFalse();
        assertThat(CategoryId.isWellFormed("")).isFalse();
        assertThatThrownBy(() -> new ProductId("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rename_moves_a_category_one_version_on() {
        Category renamed = COFFEE.renamed("Coffee & espresso");

        assertThat(renamed).isEqualTo(new Category(COFFEE_ID, "Coffee & espresso", 2));
    }

    @Test
    void a_view_copies_the_category_name_and_both_versions() {
        ProductView view = ProductView.of(BEANS, COFFEE.renamed("Kaffee"));

        assertThat(view.categoryName()).isEqualTo("Kaffee");
        assertThat(view.productVersion()).isEqualTo(1);
        assertThat(view.categoryVersion()).isEqualTo(2);
        assertThatThrownBy(() -> ProductView.of(BEANS, Category.create(new CategoryId("cat-tea"), "Tea")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
