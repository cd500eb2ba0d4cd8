package com.example.shop.catalog.domain;

import com.example.shop.catalog.testing.InMemoryCatalogReadModel;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.BEANS_ID;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static com.example.shop.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read model stays right whatever order and however often the stream delivers changes. */
class CatalogProjectorTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE).with(BEANS);
    private final InMemoryCatalogReadModel readModel = new InMemoryCatalogReadModel();
    private final CatalogProjector projector = new CatalogProjector(catalog, readModel);

    @Test
    void a_new_product_gets_a_view_with_its_category_name_read_from_the_write_model() {
        var projected = projector.project(BEANS);

        assertThat(projected).isEqualTo(new CatalogProjector.Projected(1, 0));
        assertThat(readModel.product(BEANS_ID)).contains(ProductView.of(BEANS, COFFEE));
    }

    @Test
    void the_same_change_applied_twice_writes_once() {
        projector.project(BEANS);

        var again = projector.project(BEANS);

        assertThat(again.changedAnything()).isFalse();
        assertThat(readModel.writes()).isEqualTo(1);
        assertThat(readModel.product(BEANS_ID)).contains(ProductView.of(BEANS, COFFEE));
    }

    @Test
    void an_older_change_after_a_newer_one_leaves_the_newer_view() {
        Product repriced = BEANS.repriced(euros(1990));
        Product discontinued = repriced.discontinued();
        projector.project(discontinued);

        projector.project(repriced);
        projector.project(BEANS);

        assertThat(readModel.product(BEANS_ID)).contains(ProductView.of(discontinued, COFFEE));
    }

    @Test
    void a_rename_updates_every_view_of_the_category_including_discontinued_ones() {
        Product mug = product("prod-mug", "Mug");
        Product grinder = product("prod-grinder", "Grinder").discontinued();
        catalog.with(mug).with(grinder);
        projector.project(BEANS);
        projector.project(mug);
        projector.project(grinder);
        Category renamed = COFFEE.renamed("Kaffee");
        catalog.force(renamed);

        var projected = projector.project(renamed);

        assertThat(projected.categoryNames()).isEqualTo(3);
        assertThat(readModel.views().values()).allSatisfy(view -> {
            assertThat(view.categoryName()).isEqualTo("Kaffee");
            assertThat(view.categoryVersion()).isEqualTo(2);
        });
    }

    @Test
    void an_older_rename_after_a_newer_one_changes_nothing() {
        projector.project(BEANS);
        Category second = COFFEE.renamed("Kaffee");
        Category third = second.renamed("Café");
        projector.project(third);

        var late = projector.project(second);

        assertThat(late.changedAnything()).isFalse();
        assertThat(readModel.product(BEANS_ID)).map(ProductView::categoryName).contains("Café");
    }

    @Test
    void a_product_change_keeps_a_newer_category_name_already_in_its_view() {
        projector.project(BEANS);
        Category renamed = COFFEE.renamed("Kaffee");
        projector.project(renamed);
        catalog.force(renamed);

        projector.project(BEANS.repriced(euros(1990)));

        assertThat(readModel.product(BEANS_ID)).map(ProductView::categoryName).contains("Kaffee");
    }

    @Test
    void a_product_change_brings_a_lagging_category_name_forward() {
        projector.project(BEANS);
        // The rename reached the write model, but its own projection has not run yet.
        catalog.force(COFFEE.renamed("Kaffee"));

        var projected = projector.project(BEANS.repriced(euros(1990)));

        assertThat(projected).isEqualTo(new CatalogProjector.Projected(1, 1));
        assertThat(readModel.product(BEANS_ID)).map(ProductView::categoryName).contains("Kaffee");
    }

    @Test
    void a_product_whose_category_is_missing_fails_so_the_record_is_retried() {
        Product orphan = Product.introduce(new ProductId("prod-orphan"), "Orphan", "", new CategoryId("cat-none"),
                euros(1));

        assertThatThrownBy(() -> projector.project(orphan)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cat-none");
    }
}
