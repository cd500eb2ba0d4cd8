package com.example.shop.catalog.handler;

import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.Category;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.CLOCK;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.COFFEE_ID;
import static com.example.shop.catalog.handler.HttpFixtures.adminCommand;
import static com.example.shop.catalog.handler.HttpFixtures.asCustomer;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static com.example.shop.catalog.handler.HttpFixtures.violationFields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT /categories/{id}}: a rename with optimistic locking. */
class RenameCategoryHandlerTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE);
    private final RenameCategoryHandler handler =
            new RenameCategoryHandler(new CatalogAdministration(catalog, new SequentialIds(), CLOCK), TestObservability.of("catalog"));

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent rename(String id, String body) {
        return adminCommand("PUT", "/categories/{id}", id, body);
    }

    @Test
    void an_admin_renames_a_category_and_gets_it_back_one_version_on() {
        var response = handler.handleRequest(rename("cat-coffee", "{\"name\":\"Kaffee\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo("Kaffee");
        assertThat(json(response).path("version").asLong()).isEqualTo(2);
        assertThat(catalog.category(COFFEE_ID)).contains(new Category(COFFEE_ID, "Kaffee", 2));
    }

    @Test
    void an_unknown_or_malformed_category_is_404() {
        assertThat(handler.handleRequest(rename("cat-tea", "{\"name\":\"Tee\"}"), null).getStatusCode()).isEqualTo(404);
        assertThat(handler.handleRequest(rename("cat#tea", "{\"name\":\"Tee\"}"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void a_rename_overtaken_by_another_is_503_with_retry_after_and_leaves_the_other_change() {
        catalog.beforeNextReplace(() -> catalog.force(COFFEE.renamed("Café")));

        var response = handler.handleRequest(rename("cat-coffee", "{\"name\":\"Kaffee\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "2")
                .containsEntry("content-type", "application/problem+json");
        assertThat(catalog.category(COFFEE.id())).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Café"));
    }

    @Test
    void an_invalid_body_is_400_and_a_customer_403() {
        assertThat(violationFields(handler.handleRequest(rename("cat-coffee", "{\"title\":\"x\"}"), null)))
                .containsExactlyInAnyOrder("/name", "/title");
        assertThat(handler.handleRequest(asCustomer(rename("cat-coffee", "{\"name\":\"x\"}")), null).getStatusCode())
                .isEqualTo(403);
    }
}
