package com.example.shop.catalog.handler;

import com.example.shop.catalog.testing.InMemoryCatalogReadModel;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ProductView;
import com.fasterxml.jackson.databind.JsonNode;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static com.example.shop.catalog.CatalogFixtures.product;
import static com.example.shop.catalog.handler.HttpFixtures.json;
import static com.example.shop.catalog.handler.HttpFixtures.listProductsRequest;
import static com.example.shop.catalog.handler.HttpFixtures.violationFields;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /products?category=...}: a category's products for sale, page by page, from the read model only. */
class ListProductsHandlerTest {

    private final InMemoryCatalogReadModel readModel = new InMemoryCatalogReadModel();
    private final ListProductsHandler handler = new ListProductsHandler(readModel, TestObservability.of("catalog"));

    ListProductsHandlerTest() {
        for (String name : List.of("Aeropress", "Bialetti", "Chemex", "Drip kettle", "Espresso beans")) {
            readModel.with(ProductView.of(product("prod-" + name.toLowerCase().replace(' ', '-'), name), COFFEE));
        }
        readModel.with(ProductView.of(product("prod-burr-grinder", "Burr grinder").discontinued(), COFFEE));
        Category tea = Category.create(new CategoryId("cat-tea"), "Tea");
        readModel.with(ProductView.of(com.example.shop.catalog.domain.Product.introduce(
                new com.example.shop.catalog.domain.ProductId("prod-assam"), "Assam", "", tea.id(), euros(900)), tea));
    }

    private JsonNode page(Map<String, String> query) {
        var response = handler.handleRequest(listProductsRequest(query), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return json(response);
    }

    private static List<String> names(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("name").asText()).toList();
    }

    @Test
    void three_pages_follow_each_other_by_cursor_in_name_order_without_discontinued_products() {
        List<String> seen = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("category", "cat-coffee", "limit", "2"));

        JsonNode first = page(query);
        query.put("cursor", first.path("nextCursor").asText());
        JsonNode second = page(query);
        query.put("cursor", second.path("nextCursor").asText());
        JsonNode third = page(query);
        for (JsonNode page : List.of(first, second, third)) {
            seen.addAll(names(page));
        }

        assertThat(names(first)).containsExactly("Aeropress", "Bialetti");
        assertThat(names(second)).containsExactly("Chemex", "Drip kettle");
        assertThat(names(third)).containsExactly("Espresso beans");
        assertThat(third.path("nextCursor").isNull()).isTrue();
        assertThat(seen).doesNotContain("Burr grinder", "Assam");
    }

    @Test
    void a_listing_item_carries_the_category_name_and_price() {
        JsonNode item = page(Map.of("category", "cat-coffee", "limit", "1")).path("items").get(0);

        assertThat(item.path("categoryName").asText()).isEqualTo("Coffee");
        assertThat(item.path("price").path("currency").asText()).isEqualTo("EUR");
        assertThat(item.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void without_a_limit_a_page_holds_up_to_20() {
        JsonNode all = page(Map.of("category", "cat-coffee"));

        assertThat(names(all)).hasSize(5);
        assertThat(all.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void an_unknown_category_is_an_empty_listing() {
        assertThat(names(page(Map.of("category", "cat-none")))).isEmpty();
    }

    @Test
    void a_cursor_this_api_did_not_hand_out_is_400() {
        var response = handler.handleRequest(listProductsRequest(Map.of("category", "cat-coffee", "cursor", "!!not-base64")), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(violationFields(response)).containsExactly("cursor");
    }

    @Test
    void a_limit_above_100_below_1_or_not_a_number_is_400() {
        for (String limit : List.of("101", "0", "-1", "ten", "1000000000000")) {
            var response = handler.handleRequest(listProductsRequest(Map.of("category", "cat-coffee", "limit", limit)), null);

            assertThat(response.getStatusCode()).as("limit=%s", limit).isEqualTo(400);
            assertThat(violationFields(response)).containsExactly("limit");
        }
    }

    @Test
    void a_limit_of_100_is_accepted() {
        assertThat(names(page(Map.of("category", "cat-coffee", "limit", "100")))).hasSize(5);
    }

    @Test
    void a_missing_category_is_400_and_every_bad_parameter_is_named() {
        var response = handler.handleRequest(listProductsRequest(Map.of("limit", "500")), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(violationFields(response)).containsExactly("category", "limit");
    }
}
