package com.example.shop.catalog.handler;

import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.CLOCK;
import static com.example.shop.catalog.CatalogFixtures.NOW;
import static com.example.shop.catalog.handler.HttpFixtures.adminCommand;
import static com.example.shop.catalog.handler.HttpFixtures.asCustomer;
import static com.example.shop.catalog.handler.HttpFixtures.contentType;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static com.example.shop.catalog.handler.HttpFixtures.violationFields;
import static com.example.shop.catalog.handler.HttpFixtures.withHeader;
import static com.example.shop.catalog.handler.HttpFixtures.withoutToken;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /categories}: admin only, schema-validated, one new category. */
class CreateCategoryHandlerTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository();
    private final CreateCategoryHandler handler =
            new CreateCategoryHandler(new CatalogAdministration(catalog, new SequentialIds(), CLOCK), TestObservability.of("catalog"));

    @Test
    void an_admin_creates_a_category_and_gets_201_with_its_location() {
        var response = handler.handleRequest(adminCommand("POST", "/categories", null, "{\"name\":\"Tea\"}"), null);

        String id = "cat-" + SequentialIds.id(1);
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/categories/" + id);
        assertThat(json(response).path("categoryId").asText()).isEqualTo(id);
        assertThat(json(response).path("name").asText()).isEqualTo("Tea");
        assertThat(catalog.category(new CategoryId(id))).contains(Category.create(new CategoryId(id), "Tea"));
    }

    @Test
    void the_write_carries_the_request_id_and_the_callers_correlation_id() {
        handler.handleRequest(withHeader(adminCommand("POST", "/categories", null, "{\"name\":\"Tea\"}"),
                "x-correlation-id", "checkout-42"), null);

        assertThat(catalog.writes()).extracting(InMemoryCatalogRepository.Write::origin)
                .containsExactly(new ChangeOrigin("Lq7Tbid9FiAEP2Q=", "checkout-42", NOW));
    }

    @Test
    void a_body_breaking_the_schema_is_400_naming_each_violation() {
        var response = handler.handleRequest(adminCommand("POST", "/categories", null,
                "{\"name\":\" \",\"colour\":\"green\"}"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(violationFields(response)).containsExactlyInAnyOrder("/name", "/colour");
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void a_missing_name_is_named() {
        var response = handler.handleRequest(adminCommand("POST", "/categories", null, "{}"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(violationFields(response)).containsExactly("/name");
    }

    @Test
    void a_customer_is_refused_with_403() {
        var response = handler.handleRequest(asCustomer(adminCommand("POST", "/categories", null,
                "{\"name\":\"Tea\"}")), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(contentType(response)).isEqualTo("application/problem+json");
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void a_request_without_a_token_is_refused_with_403() {
        var response = handler.handleRequest(withoutToken(adminCommand("POST", "/categories", null,
                "{\"name\":\"Tea\"}")), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
    }
}
