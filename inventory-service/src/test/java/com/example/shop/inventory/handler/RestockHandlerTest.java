package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.inventory.domain.StockAdministration;
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
    void anAdmin_createsTheStockItemOfANewProductAndSeesItsStock() {
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
    void aRestock_addsToWhatIsThereAndLeavesReservedStockAlone() {
        ledger.withStock("prod-espresso-beans-1kg", 10);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("prod-espresso-beans-1kg", "{\"quantity\": 5}", "customer", "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("available").asLong()).isEqualTo(15);
        assertThat(ledger.available("prod-espresso-beans-1kg")).isEqualTo(15);
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
    void aMissingBody_isRefusedWith400() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("beans", null, "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("violations")).hasSize(1);
    }

    @Test
    void aMalformedProductId_isRefusedWith400NamingIt() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("no#hash", "{\"quantity\": 1}", "admin"),
                Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("violations").findValuesAsText("field")).containsExactly("productId");
    }

    @Test
    void aCustomer_isForbiddenAndNothingIsStocked() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                request("beans", "{\"quantity\": 5}", "customer"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(ledger.hasStockItem("beans")).isFalse();
    }

    @Test
    void aCallerWithoutGroups_isForbiddenEvenWithAnInvalidBody() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("beans", "{\"quantity\": 0}"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    @Test
    void aRequestWithoutVerifiedToken_isUnauthorized() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(anonymousRequest("beans", "{\"quantity\": 5}"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(ledger.hasStockItem("beans")).isFalse();
    }
}
