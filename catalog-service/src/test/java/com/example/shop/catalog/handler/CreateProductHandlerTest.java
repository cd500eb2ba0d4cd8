package com.example.shop.catalog.handler;

import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.CLOCK;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.COFFEE_ID;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static com.example.shop.catalog.handler.HttpFixtures.asCustomer;
import static com.example.shop.catalog.handler.HttpFixtures.createProductRequest;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static com.example.shop.catalog.handler.HttpFixtures.violationFields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /products}: admin only, schema-validated, into an existing category. */
class CreateProductHandlerTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE);
    private final CreateProductHandler handler =
            new CreateProductHandler(new CatalogAdministration(catalog, new SequentialIds(), CLOCK), TestObservability.of("catalog"));

    @Test
    void an_admin_creates_a_product_and_gets_201_with_its_id_and_location() {
        var response = handler.handleRequest(createProductRequest(), null);

        ProductId id = new ProductId("prod-" + SequentialIds.id(1));
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/products/" + id.value());
        assertThat(json(response).path("productId").asText()).isEqualTo(id.value());
        assertThat(catalog.product(id)).contains(Product.introduce(id, "Espresso beans, 1 kg",
                "Dark roast, whole beans", COFFEE_ID, euros(1890)));
    }

    @Test
    void a_body_breaking_the_schema_is_400_naming_each_violation() {
        var request = createProductRequest();
        request.setBody("{\"description\":\"no name\",\"categoryId\":\"cat coffee\","
                + "\"price\":{\"amountMinor\":-1,\"currency\":\"eur\"},\"colour\":\"red\"}");

        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(violationFields(response)).containsExactlyInAnyOrder(
                "/name", "/categoryId", "/price/amountMinor", "/price/currency", "/colour");
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void a_currency_that_does_not_exist_is_400() {
        var request = createProductRequest();
        request.setBody("{\"name\":\"Beans\",\"categoryId\":\"cat-coffee\",\"price\":{\"amountMinor\":1,\"currency\":\"ABC\"}}");

        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(violationFields(response)).containsExactly("/price/currency");
    }

    @Test
    void a_body_that_is_not_json_is_400() {
        var request = createProductRequest();
        request.setBody("{not json");

        assertThat(handler.handleRequest(request, null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void an_unknown_category_is_422() {
        var request = createProductRequest();
        request.setBody("{\"name\":\"Teapot\",\"categoryId\":\"cat-tea\",\"price\":{\"amountMinor\":2000,\"currency\":\"EUR\"}}");

        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(violationFields(response)).containsExactly("/categoryId");
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void a_customer_is_refused_with_403() {
        var response = handler.handleRequest(asCustomer(createProductRequest()), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(catalog.writes()).isEmpty();
    }
}
