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
        toldOnce(customer, "shipped");
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
        toldOnce(customer, "rejected");
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
        toldOnce(customer, "declined");
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
        toldOnce(customer, "payment-failed");
    }

    // ---- Cancellation under every interleaving (decision record 0002) -------------------------
    // Each story holds one function's event source so the cancel lands at a chosen point of the
    // saga, then lets it go: the outcome is forced, never hoped for.

    @Test
    void a_cancel_before_the_reservation_reserves_nothing_charges_nothing_and_ships_nothing() {
        String product = shop.newProduct(1_100, 3);
        String customer = shop.newCustomer();
        shop.cloud.runtime().pause("ReserveStockFunction");
        String orderId;
        try {
            orderId = shop.placeOrder(customer, "pm-card-visa", product, 1);
            assertThat(shop.api.cancel(customer, orderId).status()).isEqualTo(202);
            Await.until("inventory notes the cancel before the order", () -> shop.stockRecord(orderId),
                    record -> record.isPresent());
            Await.until("shipping notes the cancel before any charge", () -> shipmentState(orderId),
                    "CANCEL_MARKER"::equals);
        } finally {
            shop.cloud.runtime().resume("ReserveStockFunction");
        }

        JsonNode order = shop.awaitStatus(customer, orderId, "CANCELLED");
        toldOnce(customer, "cancelled");
        assertThat(Shop.historyEvents(shop.api.getOrder(customer, orderId).body()))
                .containsExactly("OrderPlaced", "OrderCancelled");
        assertThat(shop.stock(product)).as("nothing was ever reserved").containsExactly(3, 0);
        assertThat(shop.payment(orderId).map(p -> p.get("state").s())).hasValue("CANCELLED");
        assertThat(shipmentState(orderId)).isEqualTo("CANCEL_MARKER");
        assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void a_cancel_between_reservation_and_charge_releases_the_stock_once_and_charges_nothing() {
        String product = shop.newProduct(1_200, 4);
        String customer = shop.newCustomer();
        shop.cloud.runtime().pause("ChargePaymentFunction");
        String orderId;
        try {
            orderId = shop.placeOrder(customer, "pm-card-visa", product, 2);
            shop.awaitStatus(customer, orderId, "RESERVED");
            assertThat(shop.api.cancel(customer, orderId).status()).isEqualTo(202);
            Await.until("payment notes the cancel before the charge", () -> shop.payment(orderId),
                    payment -> payment.isPresent() && "CANCELLED".equals(payment.get().get("state").s()));
        } finally {
            shop.cloud.runtime().resume("ChargePaymentFunction");
        }

        JsonNode order = shop.awaitHistory(customer, orderId, "StockReleased");
        toldOnce(customer, "cancelled");
        assertThat(Shop.historyEvents(shop.api.getOrder(customer, orderId).body()))
                .containsExactly("OrderPlaced", "StockReserved", "OrderCancelled", "StockReleased");
        assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
        Await.until("the stock is released", () -> shop.stock(product), levels -> levels[0] == 4 && levels[1] == 0);
        assertThat(shop.payment(orderId).orElseThrow().get("state").s()).as("never charged").isEqualTo("CANCELLED");
        assertThat(shipmentState(orderId)).isEqualTo("CANCEL_MARKER");
    }

    @Test
    void a_cancel_between_charge_and_booking_refunds_releases_and_books_nothing() {
        String product = shop.newProduct(2_000, 3);
        String customer = shop.newCustomer();
        shop.cloud.runtime().pause("ScheduleShipmentFunction");
        String orderId;
        try {
            orderId = shop.placeOrder(customer, "pm-card-visa", product, 1);
            shop.awaitStatus(customer, orderId, "PAID");

            var cancelled = shop.api.cancel(customer, orderId);
            assertThat(cancelled.status()).isEqualTo(202);
            assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
            Await.until("shipping notes the cancel before the booking", () -> shipmentState(orderId),
                    "CANCEL_MARKER"::equals);
        } finally {
            shop.cloud.runtime().resume("ScheduleShipmentFunction");
        }
        JsonNode order = shop.awaitHistory(customer, orderId, "StockReleased", "PaymentRefunded");

        assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(Shop.historyEvents(order)).startsWith("OrderPlaced", "StockReserved", "PaymentCharged",
                "OrderCancelled").containsOnlyOnce("StockReleased", "PaymentRefunded").hasSize(6);
        assertThat(shop.payment(orderId).orElseThrow().get("state").s()).isEqualTo("REFUNDED");
        Await.until("the stock is released", () -> shop.stock(product), levels -> levels[0] == 3 && levels[1] == 0);
        toldOnce(customer, "cancelled");
        assertThat(shipmentState(orderId)).as("the late charge booked nothing").isEqualTo("CANCEL_MARKER");
        assertThat(Shop.historyEvents(shop.api.getOrder(customer, orderId).body())).doesNotContain("ShipmentScheduled");
    }

    @Test
    void a_cancel_after_booking_withdraws_the_shipment_refunds_and_releases() {
        String product = shop.newProduct(3_000, 2);
        String customer = shop.newCustomer();
        // The order service does not hear of the saga's progress, so it still accepts the cancel
        // although shipping has booked the parcel.
        shop.cloud.runtime().pause("UpdateOrderStatusFunction");
        String orderId;
        try {
            orderId = shop.placeOrder(customer, "pm-card-visa", product, 1);
            Await.until("shipping books the parcel", () -> shipmentState(orderId), "SCHEDULED"::equals);
            Await.until("the customer is told it is on its way", () -> shop.mailKinds(customer),
                    kinds -> kinds.contains("shipped"));

            assertThat(shop.api.cancel(customer, orderId).status()).isEqualTo(202);
        } finally {
            shop.cloud.runtime().resume("UpdateOrderStatusFunction");
        }

        JsonNode order = shop.awaitHistory(customer, orderId, "ShipmentCancelled", "PaymentRefunded", "StockReleased");
        assertThat(order.path("status").asText()).as("a late ShipmentScheduled never moves it").isEqualTo("CANCELLED");
        assertThat(Shop.historyEvents(order)).containsOnlyOnce("ShipmentCancelled", "PaymentRefunded", "StockReleased")
                .doesNotContain("ShipmentScheduled");
        assertThat(shipmentState(orderId)).as("no live shipment").isEqualTo("CANCELLED");
        assertThat(shop.payment(orderId).orElseThrow().get("state").s()).isEqualTo("REFUNDED");
        Await.until("the stock is released", () -> shop.stock(product), levels -> levels[0] == 2 && levels[1] == 0);
        toldOnce(customer, "cancelled");
        assertThat(shop.cloud.timeline(orderId).hops()).extracting(hop -> hop.eventType())
                .as("the timeline shows the compensations").contains("ShipmentCancelled", "PaymentRefunded", "StockReleased");
    }

    @Test
    void a_parcel_no_carrier_will_take_fails_the_shipment_refunds_and_releases() {
        String product = shop.newProduct(1_800, 5);
        String customer = shop.newCustomer();

        String orderId = shop.placeOrder(customer, "pm-card-visa", product, 2, "AQ");
        JsonNode order = shop.awaitHistory(customer, orderId, "ShipmentFailed", "PaymentRefunded", "StockReleased");

        assertThat(order.path("status").asText()).isEqualTo("SHIPMENT_FAILED");
        assertThat(Shop.historyEvents(order)).containsOnlyOnce("ShipmentFailed", "PaymentRefunded", "StockReleased")
                .doesNotContain("ShipmentScheduled");
        assertThat(shop.payment(orderId).orElseThrow().get("state").s()).isEqualTo("REFUNDED");
        Await.until("the stock is released", () -> shop.stock(product), levels -> levels[0] == 5 && levels[1] == 0);
        assertThat(shipmentState(orderId)).isEqualTo("FAILED");
        toldOnce(customer, "undeliverable");
        assertThat(shop.api.cancel(customer, orderId).status()).as("nothing left to cancel").isEqualTo(409);
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

    /** The closing messages: each ends an order's conversation with the customer. */
    private static final java.util.Set<String> CLOSING =
            java.util.Set.of("rejected", "declined", "payment-failed", "cancelled", "undeliverable");

    /**
     * The customer was told the outcome exactly once, nothing else closed the order, and it is
     * their last word about it (a refund note may follow: it agrees with every outcome).
     */
    private static void toldOnce(String customer, String finalKind) {
        java.util.List<String> kinds = shop.mailKinds(customer);
        assertThat(kinds).as("what the customer was told").containsOnlyOnce(finalKind);
        assertThat(kinds.stream().filter(CLOSING::contains).toList()).as("closing messages")
                .isEqualTo(CLOSING.contains(finalKind) ? java.util.List.of(finalKind) : java.util.List.of());
        assertThat(kinds.stream().filter(kind -> !kind.equals("refunded")).toList().getLast())
                .as("the last word in %s", kinds).isEqualTo(finalKind);
    }

    /** The state shipping records for the order, or "none". */
    private static String shipmentState(String orderId) {
        return shop.shipment(orderId).map(item -> item.containsKey("state") ? item.get("state").s() : "SCHEDULED")
                .orElse("none");
    }
}
