package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.testing.InMemoryStockItems;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.platform.testing.TestObservability;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.example.shop.inventory.handler.Fixtures.anonymousRequest;
import static com.example.shop.inventory.handler.Fixtures.body;
import static com.example.shop.inventory.handler.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /inventory/{productId}/restock} as the HTTP API hands it to the function. */
class RestockHandlerTest {

    private final InMemoryStockLedger ledger = new InMemoryStockLedger();
    private final RestockHandler handler = new RestockHandler(new StockAdministration(ledger),
            TestObservability.of("inventory"));

    @Test
    void an_admin_restocks_a_new_product_whose_stock_item_the_catalog_opened_and_sees_its_stock() {
        new InMemoryStockItems(ledger).openIfAbsent(new ProductId("prod-espresso-beans-1kg"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("prod-espresso-beans-1kg", "{\"quantity\": 25}", "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode view = body(response);
        assertThat(view.get("productId").asText()).isEqualTo("prod-espresso-beans-1kg");
        assertThat(view.get("available").asLong()).isEqualTo(25);
        assertThat(view.get("reserved").asLong()).isZero();
    }

    @Test
    void a_restock_adds_to_what_is_there_and_leaves_reserved_stock_alone() {
        ledger.withStock("prod-espresso-beans-1kg", 10);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("prod-espresso-beans-1kg", "{\"quantity\": 5}", "customer", "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("available").asLong()).isEqualTo(15);
        assertThat(ledger.available("prod-espresso-beans-1kg")).isEqualTo(15);
    }

    @Test
    void a_product_the_catalog_never_announced_is_404_problem_and_no_stock_item_is_created() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("prod-never-announced", "{\"quantity\": 5}", "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(body(response).get("status").asInt()).isEqualTo(404);
        assertThat(ledger.hasStockItem("prod-never-announced")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> violation at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"quantity\": 0}              | /quantity",
            "{\"quantity\": 100001}         | /quantity",
            "{\"quantity\": -3}             | /quantity",
            "{\"quantity\": 2.5}            | /quantity",
            "{\"quantity\": \"ten\"}        | /quantity",
            "{}                             | /quantity",
            "{\"quantity\": 1, \"x\": true} | /x",
            "[1]                            | ''",
            "not json                       | ''"})
    void anInvalidBody_isRefusedWith400ProblemNamingTheViolation(String requestBody, String field) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("beans", requestBody, "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("violations")).isNotEmpty();
        assertThat(problem.get("violations").findValuesAsText("field")).contains(field);
        assertThat(ledger.hasStockItem("beans")).isFalse();
    }

    @Test
    void a_missing_body_is_refused_with400() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("beans", null, "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("violations")).hasSize(1);
    }

    @Test
    void a_malformed_product_id_is_refused_with400_naming_it() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("no#hash", "{\"quantity\": 1}", "admin"),
                Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("violations").findValuesAsText("field")).containsExactly("productId");
    }

    @Test
    void a_customer_is_forbidden_and_nothing_is_stocked() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("beans", "{\"quantity\": 5}", "customer"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(ledger.hasStockItem("beans")).isFalse();
    }

    @Test
    void a_caller_without_groups_is_forbidden_even_with_an_invalid_body() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("beans", "{\"quantity\": 0}"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    @Test
    void a_request_without_verified_token_is_unauthorized() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(anonymousRequest("beans", "{\"quantity\": 5}"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(ledger.hasStockItem("beans")).isFalse();
    }
}
