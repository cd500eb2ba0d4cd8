package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.emulator.SentEmail;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's CQRS and the notifications' fan-out, end to end on the local cloud: what an admin
 * writes through the API shows up in the read model and in the order service's prices, and every
 * customer-facing step of an order sends exactly one e-mail (captured by the emulator's SES).
 */
class CatalogAndNotificationsIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static Shop shop;

    @BeforeAll
    static void start() {
        var template = PythonEnvironment.locate().root().resolve("infra/template.yaml");
        shop = new Shop(LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(), LocalCloud.Options.forTemplate(template)));
    }

    @AfterAll
    static void stop() {
        shop.close();
        shop.cloud.close();
    }

    @Test
    void a_product_created_through_the_api_appears_in_the_read_model_and_its_category_listing() {
        String category = shop.api.createCategory(shop.admin(), "Teapots " + suffix()).body().path("categoryId").asText();
        String productId = shop.api.createProduct(shop.admin(), "Cast-iron teapot", category, 3_450).body()
                .path("productId").asText();

        JsonNode view = Await.until("the product view is projected", () -> shop.api.product(productId),
                reply -> reply.status() == 200).body();
        assertThat(view.path("name").asText()).isEqualTo("Cast-iron teapot");
        assertThat(view.path("categoryName").asText()).startsWith("Teapots ");
        assertThat(view.path("price").path("amountMinor").asLong()).isEqualTo(3_450);
        JsonNode listing = shop.api.productsIn(category, 10, null).body();
        assertThat(listing.path("items")).extracting(item -> item.path("productId").asText()).containsExactly(productId);
    }

    @Test
    void a_price_change_is_followed_by_the_view_and_by_the_order_services_prices() {
        String productId = shop.newProduct(1_000, 5);

        assertThat(shop.api.changePrice(shop.admin(), productId, 1_250).status()).isEqualTo(200);

        Await.until("the view shows the new price", () -> shop.api.product(productId).body(),
                view -> view.path("price").path("amountMinor").asLong() == 1_250);
        Await.until("the order service prices with the new price", () -> shop.orderServicePrice(productId),
                price -> price == 1_250);
        String customer = shop.newCustomer();
        String orderId = shop.placeOrder(customer, "pm-card-visa", productId, 2);
        assertThat(shop.api.getOrder(customer, orderId).body().path("total").path("amountMinor").asLong()).isEqualTo(2_500);
    }

    @Test
    void renaming_a_category_shows_in_every_product_view_of_it() {
        String category = shop.api.createCategory(shop.admin(), "Mugs " + suffix()).body().path("categoryId").asText();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            products.add(shop.api.createProduct(shop.admin(), "Mug " + i, category, 700 + i).body().path("productId").asText());
        }
        for (String productId : products) {
            Await.until("the view of " + productId + " exists", () -> shop.api.product(productId), r -> r.status() == 200);
        }

        assertThat(shop.api.renameCategory(shop.admin(), category, "Cups and mugs").status()).isEqualTo(200);

        for (String productId : products) {
            Await.until("the view of " + productId + " shows the new category name", () -> shop.api.product(productId).body(),
                    view -> "Cups and mugs".equals(view.path("categoryName").asText()));
        }
        JsonNode listing = shop.api.productsIn(category, 2, null).body();
        assertThat(listing.path("items")).hasSize(2);
        JsonNode next = shop.api.productsIn(category, 2, listing.path("nextCursor").asText()).body();
        assertThat(next.path("items")).hasSize(1);
    }

    @Test
    void an_order_sends_one_email_per_customer_facing_step() {
        String productId = shop.newProduct(2_990, 5);
        String email = "grace-" + suffix() + "@example.com";
        String customer = shop.cloud.identity().issueCustomerToken("grace-" + suffix(), email).bearer();

        String orderId = shop.placeOrder(customer, "pm-card-visa", productId, 1);
        shop.awaitStatus(customer, orderId, "SHIPPED");

        List<SentEmail> mails = Await.until("three e-mails reach " + email, () -> shop.mailsTo(email), m -> m.size() >= 3);
        assertThat(mails).hasSize(3);
        assertThat(mails).extracting(SentEmail::subject)
                .anyMatch(s -> s.toLowerCase().contains("order")).allMatch(s -> !s.isBlank());
        assertThat(String.join("\n", mails.stream().map(SentEmail::body).toList()))
                .contains(orderId.substring(0, 8));
    }

    @Test
    void a_declined_payment_sends_the_decline_email_and_no_shipment_email() {
        String productId = shop.newProduct(990, 5);
        String email = "alan-" + suffix() + "@example.com";
        String customer = shop.cloud.identity().issueCustomerToken("alan-" + suffix(), email).bearer();

        String orderId = shop.placeOrder(customer, "pm-decline-card-expired", productId, 1);
        shop.awaitHistory(customer, orderId, "PaymentDeclined", "StockReleased");

        List<SentEmail> mails = Await.until("two e-mails reach " + email, () -> shop.mailsTo(email), m -> m.size() >= 2);
        shop.awaitSettled(); // no further e-mail is on its way
        assertThat(shop.mailsTo(email)).hasSize(2);
        String text = mails.toString().toLowerCase();
        assertThat(text).contains("card-expired").doesNotContain("tracking");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
