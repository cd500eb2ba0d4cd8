package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.platform.testing.TestObservability;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static com.example.shop.inventory.handler.Fixtures.body;
import static com.example.shop.inventory.handler.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /inventory/{productId}} as the HTTP API hands it to the function. */
class GetStockHandlerTest {

    private final InMemoryStockLedger ledger = new InMemoryStockLedger().withStock("beans", 7);
    private final GetStockHandler handler = new GetStockHandler(new StockAdministration(ledger),
            TestObservability.of("inventory"));

    @Test
    void an_admin_sees_available_and_reserved_units() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("beans", null, "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode view = body(response);
        assertThat(view.get("productId").asText()).isEqualTo("beans");
        assertThat(view.get("available").asLong()).isEqualTo(7);
        assertThat(view.get("reserved").asLong()).isZero();
    }

    @Test
    void a_product_without_stock_is_a404_problem() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("unknown", null, "admin"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(body(response).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void a_customer_is_forbidden() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request("beans", null, "customer"), Fixtures.context());

        assertThat(response.getStatusCode()).isEqualTo(403);
    }
}
