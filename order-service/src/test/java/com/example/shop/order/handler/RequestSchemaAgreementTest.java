package com.example.shop.order.handler;

import com.example.shop.events.Money;
import com.example.shop.events.OrderLine;
import com.example.shop.events.ShippingAddress;
import com.example.shop.platform.testing.SchemaAgreement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static com.example.shop.platform.testing.HostileInputs.textBoundaries;
import static com.example.shop.platform.testing.SchemaAgreement.constructs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The place-order schema and the domain say the same about every boundary case of the shipping
 * address's texts and a line's quantity, so a body the schema accepts never fails in a
 * constructor (a 500).
 */
class RequestSchemaAgreementTest {

    private static final SchemaAgreement PLACE_ORDER = SchemaAgreement.of("schemas/place-order-request.schema.json",
            HttpFixtures.placeOrderRequest().getBody());

    private static boolean address(Function<String, ShippingAddress> build, String value) {
        return constructs(() -> build.apply(value));
    }

    @Test
    void every_address_text_is_the_same_line_to_the_schema_and_to_shipping_address() {
        assertThat(PLACE_ORDER.textDisagreements("/shippingAddress/recipientName",
                textBoundaries(1, ShippingAddress.MAX_LINE_LENGTH), v -> address(
                        x -> new ShippingAddress(x, "Hauptstraße 5", null, "Berlin", "10115", "DE"), v))).isEmpty();
        assertThat(PLACE_ORDER.textDisagreements("/shippingAddress/line1",
                textBoundaries(1, ShippingAddress.MAX_LINE_LENGTH), v -> address(
                        x -> new ShippingAddress("Erika", x, null, "Berlin", "10115", "DE"), v))).isEmpty();
        assertThat(PLACE_ORDER.textDisagreements("/shippingAddress/line2",
                textBoundaries(1, ShippingAddress.MAX_LINE_LENGTH), v -> address(
                        x -> new ShippingAddress("Erika", "Hauptstraße 5", x, "Berlin", "10115", "DE"), v))).isEmpty();
        assertThat(PLACE_ORDER.textDisagreements("/shippingAddress/city",
                textBoundaries(1, ShippingAddress.MAX_CITY_LENGTH), v -> address(
                        x -> new ShippingAddress("Erika", "Hauptstraße 5", null, x, "10115", "DE"), v))).isEmpty();
        assertThat(PLACE_ORDER.textDisagreements("/shippingAddress/postalCode",
                textBoundaries(1, ShippingAddress.MAX_POSTAL_CODE_LENGTH), v -> address(
                        x -> new ShippingAddress("Erika", "Hauptstraße 5", null, "Berlin", x, "DE"), v))).isEmpty();
    }

    @Test
    void a_line_quantity_is_the_same_range_to_the_schema_and_to_order_line() {
        List<Long> quantities = List.of(-1L, 0L, 1L, 2L, 99L, 100L, 101L, 1000L,
                (long) Integer.MAX_VALUE);

        assertThat(PLACE_ORDER.disagreements("/lines/0/quantity", quantities, q -> HttpFixtures.JSON.getNodeFactory()
                        .numberNode(q),
                q -> constructs(() -> new OrderLine("prod-1", Math.toIntExact(q), new Money(100, "EUR")))))
                .isEmpty();
    }
}
