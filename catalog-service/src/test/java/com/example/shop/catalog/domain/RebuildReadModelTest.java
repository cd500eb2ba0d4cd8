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

/** The read model rebuilt from the write model with the stream's own projector. */
class RebuildReadModelTest {

    private final Category kaffee = COFFEE.renamed("Kaffee");
    private final Product mug = product("prod-mug", "Mug").discontinued();
    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(kaffee).with(BEANS).with(mug);
    private final InMemoryCatalogReadModel readModel = new InMemoryCatalogReadModel();
    private final RebuildReadModel rebuild = new RebuildReadModel(catalog, new CatalogProjector(catalog, readModel));

    @Test
    void an_empty_read_model_gets_a_view_of_every_product() {
        var report = rebuild.rebuild();

        assertThat(report).isEqualTo(new RebuildReadModel.Report(1, 2, 2, 0));
        assertThat(readModel.views()).hasSize(2);
        assertThat(readModel.product(BEANS_ID)).contains(ProductView.of(BEANS, kaffee));
        assertThat(readModel.product(mug.id())).contains(ProductView.of(mug, kaffee));
    }

    @Test
    void a_second_rebuild_writes_nothing() {
        rebuild.rebuild();

        var again = rebuild.rebuild();

        assertThat(again).isEqualTo(new RebuildReadModel.Report(1, 2, 0, 0));
    }

    @Test
    void views_that_missed_changes_catch_up() {
        readModel.with(ProductView.of(BEANS, COFFEE));
        Product repriced = BEANS.repriced(euros(1990));
        catalog.force(repriced);

        rebuild.rebuild();

        assertThat(readModel.product(BEANS_ID)).contains(ProductView.of(repriced, kaffee));
    }
}
