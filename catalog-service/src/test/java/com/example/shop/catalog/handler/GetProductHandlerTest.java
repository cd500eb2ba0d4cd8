package com.example.shop.catalog.handler;

import com.example.shop.catalog.testing.InMemoryCatalogReadModel;
import com.example.shop.catalog.domain.ProductView;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.handler.HttpFixtures.contentType;
import static com.example.shop.catalog.handler.HttpFixtures.getProductRequest;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static com.example.shop.catalog.handler.HttpFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /products/{id}}: public, from the read model only. */
class GetProductHandlerTest {

    private final InMemoryCatalogReadModel readModel = new InMemoryCatalogReadModel();
    private final GetProductHandler handler = new GetProductHandler(readModel, TestObservability.of("catalog"));

    @Test
    void a_product_is_answered_with_its_category_name_and_without_internal_versions() {
        readModel.with(ProductView.of(BEANS, COFFEE.renamed("Kaffee")));

        var response = handler.handleRequest(getProductRequest("prod-espresso-beans-1kg"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(read("""
                {"productId":"prod-espresso-beans-1kg","name":"Espresso beans, 1 kg","description":"Dark roast",
                 "categoryId":"cat-coffee","categoryName":"Kaffee","price":{"amountMinor":1890,"currency":"EUR"},
                 "status":"ACTIVE"}"""));
    }

    @Test
    void a_discontinued_product_stays_readable() {
        readModel.with(ProductView.of(BEANS.discontinued(), COFFEE));

        var response = handler.handleRequest(getProductRequest("prod-espresso-beans-1kg"), null);

        assertThat(json(response).path("status").asText()).isEqualTo("DISCONTINUED");
    }

    @Test
    void an_unknown_or_malformed_id_is_a_404_problem() {
        var unknown = handler.handleRequest(getProductRequest("prod-ghost"), null);
        var malformed = handler.handleRequest(getProductRequest("prod#ghost"), null);

        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(contentType(unknown)).isEqualTo("application/problem+json");
        assertThat(malformed.getStatusCode()).isEqualTo(404);
    }
}
