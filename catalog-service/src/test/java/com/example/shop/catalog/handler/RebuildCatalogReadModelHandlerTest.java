package com.example.shop.catalog.handler;

import com.example.shop.catalog.testing.InMemoryCatalogReadModel;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.catalog.domain.CatalogProjector;
import com.example.shop.catalog.domain.RebuildReadModel;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.product;
import static com.example.shop.catalog.handler.HttpFixtures.adminCommand;
import static com.example.shop.catalog.handler.HttpFixtures.asCustomer;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static com.example.shop.catalog.handler.HttpFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /admin/catalog/rebuild}: the read model rebuilt from the write model, counted. */
class RebuildCatalogReadModelHandlerTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE).with(BEANS)
            .with(product("prod-mug", "Mug"));
    private final InMemoryCatalogReadModel readModel = new InMemoryCatalogReadModel();
    private final RebuildCatalogReadModelHandler handler = new RebuildCatalogReadModelHandler(
            new RebuildReadModel(catalog, new CatalogProjector(catalog, readModel)), TestObservability.of("catalog"));

    @Test
    void an_admin_rebuilds_the_read_model_and_gets_the_counts() {
        var response = handler.handleRequest(adminCommand("POST", "/admin/catalog/rebuild", null, null), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(read(
                "{\"categories\":1,\"products\":2,\"productViewsWritten\":2,\"categoryNamesWritten\":0}"));
        assertThat(readModel.views()).hasSize(2);
    }

    @Test
    void a_customer_is_refused_with_403_and_nothing_is_projected() {
        var response = handler.handleRequest(asCustomer(adminCommand("POST", "/admin/catalog/rebuild", null, null)), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(readModel.writes()).isZero();
    }
}
