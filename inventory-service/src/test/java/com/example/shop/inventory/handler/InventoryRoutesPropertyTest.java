package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.inventory.testing.InMemoryStockItems;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.platform.testing.EdgeAnswers;
import com.example.shop.platform.testing.HostileBodies;
import com.example.shop.platform.testing.HostileInputs;
import com.example.shop.platform.testing.TestObservability;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both inventory routes, sent {@value #TRIES} hostile requests each (restock bodies drawn from
 * the schema and broken in every way {@link HostileBodies} knows, hostile product ids, products
 * the catalog never announced): never a 5xx, every refusal a problem+json, and a refused request
 * writes nothing (no stock moves, no stock item appears).
 */
class InventoryRoutesPropertyTest {

    static final int TRIES = 200;
    private static final String BEANS = "prod-espresso-beans-1kg";

    private final InMemoryStockLedger ledger = new InMemoryStockLedger();
    private final StockAdministration administration = new StockAdministration(ledger);

    InventoryRoutesPropertyTest() {
        new InMemoryStockItems(ledger).openIfAbsent(new ProductId(BEANS));
        ledger.withStock(BEANS, 10);
    }

    private void send(APIGatewayV2HTTPEvent request, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        String productId = request.getPathParameters().get("productId");
        long available = ledger.available(BEANS);
        boolean itemBefore = ledger.hasStockItem(productId);
        APIGatewayV2HTTPResponse response = handler.apply(request);
        if (EdgeAnswers.refused(response, productId + " " + EdgeAnswers.abbreviated(request.getBody()))) {
            assertThat(ledger.available(BEANS)).as("stock after a refusal").isEqualTo(available);
            assertThat(ledger.hasStockItem(productId)).as("a stock item after a refusal").isEqualTo(itemBefore);
        }
    }

    @Property(tries = TRIES)
    void post_inventory_product_id_restock(@ForAll("ids") String productId, @ForAll("restockBodies") String body) {
        send(Fixtures.request(productId, body, "admin"),
                r -> new RestockHandler(administration, TestObservability.of("inventory")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void get_inventory_product_id(@ForAll("ids") String productId) {
        send(Fixtures.request(productId, null, "admin"),
                r -> new GetStockHandler(administration, TestObservability.of("inventory")).handleRequest(r, null));
    }

    @Provide
    Arbitrary<String> restockBodies() {
        return HostileBodies.of("schemas/restock-request.json", "{\"quantity\":5}").bodies();
    }

    /** Product ids: the stocked one, one the catalog never announced, hostile text. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(BEANS, "prod-never-announced", "")),
                Tuple.of(5, HostileInputs.strings(128)));
    }
}
