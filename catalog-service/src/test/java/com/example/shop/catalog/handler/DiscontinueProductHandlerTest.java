package com.example.shop.catalog.handler;

import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductStatus;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.BEANS_ID;
import static com.example.shop.catalog.CatalogFixtures.CLOCK;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.handler.HttpFixtures.adminCommand;
import static com.example.shop.catalog.handler.HttpFixtures.asCustomer;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /products/{id}/discontinue}: the end of sale, once. */
class DiscontinueProductHandlerTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE).with(BEANS);
    private final DiscontinueProductHandler handler =
            new DiscontinueProductHandler(new CatalogAdministration(catalog, new SequentialIds(), CLOCK), TestObservability.of("catalog"));

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent discontinue(String id) {
        return adminCommand("POST", "/products/{id}/discontinue", id, null);
    }

    @Test
    void an_admin_discontinues_a_product_once_and_a_repeat_answers_the_same() {
        var first = handler.handleRequest(discontinue("prod-espresso-beans-1kg"), null);
        var second = handler.handleRequest(discontinue("prod-espresso-beans-1kg"), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(json(first).path("status").asText()).isEqualTo("DISCONTINUED");
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(catalog.writes()).hasSize(1);
        assertThat(catalog.product(BEANS_ID)).map(Product::status).contains(ProductStatus.DISCONTINUED);
    }

    @Test
    void an_unknown_product_is_404_and_a_customer_403() {
        assertThat(handler.handleRequest(discontinue("prod-ghost"), null).getStatusCode()).isEqualTo(404);
        assertThat(handler.handleRequest(asCustomer(discontinue("prod-espresso-beans-1kg")), null).getStatusCode())
                .isEqualTo(403);
        assertThat(catalog.writes()).isEmpty();
    }
}
