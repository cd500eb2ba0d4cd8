package com.example.shop.localcloud.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The saga stories with ordinary delivery, plus the concurrency story. */
class SagaIT extends SagaStories {

    @BeforeAll
    static void start() {
        startShop(false);
    }

    @Test
    void fifty_orders_at_once_for_ten_in_stock_reserve_exactly_ten_and_reject_the_rest() throws Exception {
        String product = shop.newProduct(500, 10);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(shop.newCustomer());
        }

        List<Future<String>> placed = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String customer : customers) {
                placed.add(pool.submit((Callable<String>) () -> shop.placeOrder(customer, "pm-card-visa", product, 1)));
            }
        }
        List<String> orderIds = new ArrayList<>();
        for (Future<String> future : placed) {
            orderIds.add(future.get());
        }

        Map<String, Long> outcomes = Await.until("all 50 orders are shipped or rejected", Duration.ofSeconds(120), () -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            for (int i = 0; i < orderIds.size(); i++) {
                JsonNode order = shop.api.getOrder(customers.get(i), orderIds.get(i)).body();
                counts.merge(order.path("status").asText(), 1L, Long::sum);
                int[] stock = shop.stock(product);
                assertThat(stock[0]).as("available stock never goes negative").isGreaterThanOrEqualTo(0);
            }
            return counts;
        }, counts -> counts.getOrDefault("SHIPPED", 0L) + counts.getOrDefault("REJECTED", 0L) == 50);

        assertThat(outcomes).containsEntry("SHIPPED", 10L).containsEntry("REJECTED", 40L);
        assertThat(shop.stock(product)).containsExactly(0, 10);
        assertThat(orderIds.stream().filter(id -> shop.payment(id).isPresent()).collect(Collectors.toList()))
                .as("exactly the ten reserved orders were charged").hasSize(10);
    }
}
