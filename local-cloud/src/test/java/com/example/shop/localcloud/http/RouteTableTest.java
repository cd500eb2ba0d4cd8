package com.example.shop.localcloud.http;

import com.example.shop.localcloud.http.RouteTable.RouteMatch;
import com.example.shop.localcloud.model.HttpRoute;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new HttpRoute("ANY", "/files/{proxy+}", "FilesFunction", null),
            new HttpRoute("GET", "/products/{productId}", "GetProductFunction", null),
            new HttpRoute("GET", "/products/featured", "FeaturedProductsFunction", null),
            new HttpRoute("ANY", "/orders/{orderId}", "AnyOrderFunction", "CognitoAuthorizer"),
            new HttpRoute("GET", "/orders/{orderId}", "GetOrderFunction", "CognitoAuthorizer"),
            new HttpRoute("GET", "/", "RootFunction", null)));

    @Test
    void a_literal_path_wins_over_a_variable_whatever_the_template_order() {
        assertThat(function(table.match("GET", List.of("products", "featured")))).isEqualTo("FeaturedProductsFunction");
        assertThat(table.match("GET", List.of("products", "p-1")))
                .map(RouteMatch::pathParameters).contains(Map.of("productId", "p-1"));
    }

    @Test
    void the_requests_own_method_wins_over_any() {
        assertThat(function(table.match("GET", List.of("orders", "o-1")))).isEqualTo("GetOrderFunction");
        assertThat(function(table.match("DELETE", List.of("orders", "o-1")))).isEqualTo("AnyOrderFunction");
    }

    @Test
    void a_greedy_variable_takes_one_or_more_segments() {
        assertThat(table.match("PUT", List.of("files", "a", "b.png")))
                .map(RouteMatch::pathParameters).contains(Map.of("proxy", "a/b.png"));
        assertThat(table.match("PUT", List.of("files"))).isEmpty();
    }

    @Test
    void nothing_matches_when_path_or_method_differ() {
        assertThat(table.match("POST", List.of("products"))).isEmpty();
        assertThat(table.match("DELETE", List.of("products", "p-1"))).isEmpty();
        assertThat(table.match("GET", List.of("orders", ""))).isEmpty();
        assertThat(table.match("GET", List.of("orders", "o-1", "lines"))).isEmpty();
    }

    @Test
    void the_root_path_is_a_route_too() {
        assertThat(function(table.match("GET", List.of()))).isEqualTo("RootFunction");
    }

    @Test
    void the_default_route_catches_what_nothing_else_does() {
        var withDefault = new RouteTable(List.of(
                new HttpRoute("GET", "/products", "ListProductsFunction", null),
                new HttpRoute("ANY", "$default", "FallbackFunction", null)));

        assertThat(function(withDefault.match("GET", List.of("products")))).isEqualTo("ListProductsFunction");
        assertThat(withDefault.match("POST", List.of("anything", "else")))
                .map(RouteMatch::routeKey).contains("$default");
    }

    @Test
    void route_key_is_method_and_template() {
        assertThat(table.match("PUT", List.of("files", "x"))).map(RouteMatch::routeKey).contains("ANY /files/{proxy+}");
    }

    @Test
    void a_greedy_variable_must_be_last() {
        assertThatThrownBy(() -> new RouteTable(List.of(new HttpRoute("GET", "/{proxy+}/x", "F", null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String function(Optional<RouteMatch> match) {
        return match.map(m -> m.route().functionLogicalId()).orElse("none");
    }
}
