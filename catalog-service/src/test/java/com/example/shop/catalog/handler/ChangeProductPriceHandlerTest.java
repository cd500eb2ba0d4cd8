package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.Product;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.BEANS_ID;
import static com.example.shop.catalog.CatalogFixtures.CLOCK;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static com.example.shop.catalog.handler.HttpFixtures.adminCommand;
import static com.example.shop.catalog.handler.HttpFixtures.asCustomer;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static com.example.shop.catalog.handler.HttpFixtures.violationFields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT /products/{id}/price}: a new price in the product's own currency. */
class ChangeProductPriceHandlerTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE).with(BEANS);
    private final ChangeProductPriceHandler handler =
            new ChangeProductPriceHandler(new CatalogAdministration(catalog, new SequentialIds(), CLOCK), TestObservability.of("catalog"));

    private static APIGatewayV2HTTPEvent reprice(String id, long amountMinor, String currency) {
        return adminCommand("PUT", "/products/{id}/price", id,
                "{\"price\":{\"amountMinor\":" + amountMinor + ",\"currency\":\"" + currency + "\"}}");
    }

    @Test
    void an_admin_changes_the_price_and_gets_the_product_one_version_on() {
        var response = handler.handleRequest(reprice("prod-espresso-beans-1kg", 1990, "EUR"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("price").path("amountMinor").asLong()).isEqualTo(1990);
        assertThat(json(response).path("version").asLong()).isEqualTo(2);
        assertThat(catalog.product(BEANS_ID)).map(Product::price).contains(euros(1990));
    }

    @Test
    void another_currency_is_422_naming_the_products_currency() {
        var response = handler.handleRequest(reprice("prod-espresso-beans-1kg", 1990, "USD"), null);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(violationFields(response)).containsExactly("/price/currency");
        assertThat(json(response).path("violations").get(0).path("message").asText()).contains("EUR");
        assertThat(catalog.writes()).isEmpty();
    }

    @Test
    void an_unknown_product_is_404() {
        assertThat(handler.handleRequest(reprice("prod-ghost", 1, "EUR"), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void a_discontinued_product_is_409() {
        catalog.force(BEANS.discontinued());

        assertThat(handler.handleRequest(reprice("prod-espresso-beans-1kg", 1990, "EUR"), null).getStatusCode())
                .isEqualTo(409);
    }

    @Test
    void a_price_change_overtaken_by_another_is_503_with_retry_after() {
        catalog.beforeNextReplace(() -> catalog.force(BEANS.repriced(euros(2100))));

        var response = handler.handleRequest(reprice("prod-espresso-beans-1kg", 1990, "EUR"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "2");
    }

    @Test
    void a_price_without_amount_or_with_extra_fields_is_400() {
        var response = handler.handleRequest(adminCommand("PUT", "/products/{id}/price", "prod-espresso-beans-1kg",
                "{\"price\":{\"currency\":\"EUR\",\"vat\":19}}"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(violationFields(response)).containsExactlyInAnyOrder("/price/amountMinor", "/price/vat");
    }

    @Test
    void a_customer_is_refused_with_403() {
        assertThat(handler.handleRequest(asCustomer(reprice("prod-espresso-beans-1kg", 1, "EUR")), null)
                .getStatusCode()).isEqualTo(403);
        assertThat(catalog.writes()).isEmpty();
    }
}
