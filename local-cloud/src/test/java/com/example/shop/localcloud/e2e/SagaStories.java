package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.runtime.LambdaRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order saga told as stories, end to end through the HTTP API of the shop deployed on the
 * local cloud. Subclasses run them with single delivery and with every event delivered twice:
 * the outcomes asserted here must hold exactly in both.
 */
abstract class SagaStories {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    static Shop shop;

    static void startShop(boolean duplicateDelivery) {
        var template = PythonEnvironment.locate().root().resolve("infra/template.yaml");
        var options = LocalCloud.Options.forTemplate(template)
                .withRuntime(LambdaRuntime.Options.defaults().withDuplicateDelivery(duplicateDelivery));
        shop = new Shop(LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(), options));
    }

    @AfterAll
    static void stopShop() {
        if (shop != null) {
            shop.close();
            shop.cloud.close();
        }
    }

    @Test
    void happy_path_an_order_is_reserved_paid_and_shipped() {
        String product = shop.newProduct(1_250, 10);
        String customer = shop.newCustomer();

        String orderId = shop.placeOrder(customer, "pm-card-visa", product, 2);
        JsonNode order = shop.awaitStatus(customer, orderId, "SHIPPED");

        assertThat(Shop.historyEvents(order))
                .containsExactly("OrderPlaced", "StockReserved", "PaymentCharged", "ShipmentScheduled");
        assertThat(Shop.historyStatuses(order)).containsExactly("PENDING", "RESERVED", "PAID", "SHIPPED");
        assertThat(shop.stock(product)).containsExactly(8, 2);
        var payment = shop.payment(orderId).orElseThrow();
        assertThat(payment.get("state").s()).isEqualTo("CHARGED");
        assertThat(payment.get("amountMinor").n()).isEqualTo("2500");
        assertThat(shop.shipment(orderId)).isPresent();

        var tooLate = shop.api.cancel(customer, orderId);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.body().path("currentStatus").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void out_of_stock_the_order_is_rejected_and_nothing_is_charged() {
        String product = shop.newProduct(990, 1);
        String customer = shop.newCustomer();

        String orderId = shop.placeOrder(customer, "pm-card-visa", product, 3);
        JsonNode order = shop.awaitStatus(customer, orderId, "REJECTED");

        assertThat(Shop.historyEvents(order)).containsExactly("OrderPlaced", "StockUnavailable");
        assertThat(shop.stock(product)).containsExactly(1, 0);
        assertThat(shop.payment(orderId)).isEmpty();
        assertThat(shop.shipment(orderId)).isEmpty();
    }

    @Test
    void declined_payment_fails_the_order_and_releases_the_stock() {
        String product = shop.newProduct(4_900, 5);
        String customer = shop.newCustomer();

        String orderId = shop.placeOrder(customer, "pm-decline-insufficient-funds", product, 2);
        JsonNode order = shop.awaitHistory(customer, orderId, "PaymentDeclined", "StockReleased");

        assertThat(order.path("status").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(Shop.historyEvents(order))
                .containsExactly("OrderPlaced", "StockReserved", "PaymentDeclined", "StockReleased");
        assertThat(order.path("history").get(2).path("reason").asText()).isEqualTo("insufficient-funds");
        Await.until("the stock is released", () -> shop.stock(product), levels -> levels[0] == 5 && levels[1] == 0);
        assertThat(shop.payment(orderId).orElseThrow().get("state").s()).isEqualTo("DECLINED");
        assertThat(shop.shipment(orderId)).isEmpty();
    }

    @Test
    void transient_payment_failure_ends_in_the_dlq_and_the_saga_compensates() {
        String product = shop.newProduct(1_500, 4);
        String customer = shop.newCustomer();
        shop.drain("OpsAlertsQueue");
        shop.cloud.runtime().pause("PaymentDlqFunction");

        String orderId = shop.placeOrder(customer, "pm-transient-error", product, 1);
        Await.until("the charge lands in the payment DLQ after maxReceiveCount failed attempts",
                Duration.ofSeconds(60), () -> shop.depth("ChargePaymentDlq"), depth -> depth >= 1);
        assertThat(shop.api.getOrder(customer, orderId).body().path("status").asText()).isEqualTo("RESERVED");

        shop.cloud.runtime().resume("PaymentDlqFunction");
        JsonNode order = shop.awaitHistory(customer, orderId, "PaymentFailed", "StockReleased");

        assertThat(order.path("status").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(Shop.historyEvents(order))
                .containsExactly("OrderPlaced", "StockReserved", "PaymentFailed", "StockReleased");
        Await.until("the DLQ is worked off", () -> shop.depth("ChargePaymentDlq"), depth -> depth == 0);
        assertThat(shop.payment(orderId).orElseThrow().get("state").s()).isEqualTo("FAILED");
        Await.until("the stock is released", () -> shop.stock(product), levels -> levels[0] == 4 && levels[1] == 0);
        var alerts = Await.until("the operators are alerted", () -> shop.drain("OpsAlertsQueue"),
                bodies -> bodies.stream().anyMatch(body -> body.contains(orderId)));
        assertThat(alerts).anyMatch(body -> body.contains(orderId));
    }

    @Test
    void cancellation_after_payment_refunds_the_charge_and_releases_the_stock() {
        String product = shop.newProduct(2_000, 3);
        String customer = shop.newCustomer();
        shop.cloud.runtime().pause("ScheduleShipmentFunction");
        try {
            String orderId = shop.placeOrder(customer, "pm-card-visa", product, 1);
            shop.awaitStatus(customer, orderId, "PAID");

            var cancelled = shop.api.cancel(customer, orderId);
            assertThat(cancelled.status()).isEqualTo(202);
            assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
            JsonNode order = shop.awaitHistory(customer, orderId, "StockReleased", "PaymentRefunded");

            assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(Shop.historyEvents(order)).startsWith("OrderPlaced", "StockReserved", "PaymentCharged",
                    "OrderCancelled").containsOnlyOnce("StockReleased", "PaymentRefunded").hasSize(6);
            assertThat(shop.payment(orderId).orElseThrow().get("state").s()).isEqualTo("REFUNDED");
            Await.until("the stock is released", () -> shop.stock(product), levels -> levels[0] == 3 && levels[1] == 0);
        } finally {
            shop.cloud.runtime().resume("ScheduleShipmentFunction");
        }
    }

    @Test
    void someone_elses_order_looks_like_no_order_at_all() {
        String product = shop.newProduct(100, 1);
        String owner = shop.newCustomer();
        String orderId = shop.placeOrder(owner, "pm-card-visa", product, 1);

        assertThat(shop.api.getOrder(shop.newCustomer(), orderId).status()).isEqualTo(404);
        assertThat(shop.api.cancel(shop.newCustomer(), orderId).status()).isEqualTo(404);
    }

    @Test
    void the_same_idempotency_key_returns_the_same_order_and_a_different_body_conflicts() {
        String product = shop.newProduct(300, 10);
        String customer = shop.newCustomer();

        var first = shop.api.placeOrder(customer, "key-1", "pm-card-visa", Map.of(product, 1));
        var again = shop.api.placeOrder(customer, "key-1", "pm-card-visa", Map.of(product, 1));
        var different = shop.api.placeOrder(customer, "key-1", "pm-card-visa", Map.of(product, 2));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("orderId").asText()).isEqualTo(first.body().path("orderId").asText());
        assertThat(first.header("location")).isEqualTo("/orders/" + first.body().path("orderId").asText());
        assertThat(different.status()).isEqualTo(409);
        shop.awaitStatus(customer, first.body().path("orderId").asText(), "SHIPPED");
        assertThat(shop.stock(product)).as("one order, reserved once").containsExactly(9, 1);
    }
}
