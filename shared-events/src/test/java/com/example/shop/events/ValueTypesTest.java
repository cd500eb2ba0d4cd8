package com.example.shop.events;

import static com.example.shop.events.SampleEvents.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"de", "DEU", "XX", ""})
    void shipping_address_when_country_is_not_iso3166_alpha2_rejects_naming_country_code(String country) {
        assertThatThrownBy(() -> new ShippingAddress(
                        "Erika Mustermann", "Hauptstraße 5", null, "Berlin", "10115", country))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countryCode");
    }

    @Test
    void shipping_address_without_second_line_is_valid() {
        assertThat(new ShippingAddress("Erika Mustermann", "Hauptstraße 5", null, "Berlin", "10115", "DE").line2())
                .isNull();
    }

    @Test
    void shipping_address_when_second_line_is_blank_rejects_naming_line2() {
        assertThatThrownBy(() -> new ShippingAddress(
                        "Erika Mustermann", "Hauptstraße 5", " ", "Berlin", "10115", "DE"))
                .hasMessageContaining("line2");
    }

    @Test
    void shipping_address_when_city_is_blank_rejects_naming_city() {
        assertThatThrownBy(() -> new ShippingAddress("Erika Mustermann", "Hauptstraße 5", null, " ", "10115", "DE"))
                .hasMessageContaining("city");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void order_line_when_quantity_outside1_to100_rejects_naming_quantity(int quantity) {
        assertThatThrownBy(() -> new OrderLine("prod-espresso-beans-1kg", quantity, euros(1890)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void order_line_at_quantity_bounds_is_valid(int quantity) {
        assertThatCode(() -> new OrderLine("prod-espresso-beans-1kg", quantity, euros(1890)))
                .doesNotThrowAnyException();
    }

    @Test
    void order_line_subtotal_is_unit_price_times_quantity() {
        assertThat(new OrderLine("prod-espresso-beans-1kg", 3, euros(1890)).subtotal()).isEqualTo(euros(5670));
    }

    @Test
    void order_line_when_product_id_is_blank_rejects_naming_product_id() {
        assertThatThrownBy(() -> new OrderLine("", 1, euros(1890))).hasMessageContaining("productId");
    }

    @Test
    void reserved_line_when_quantity_is_zero_rejects_naming_quantity() {
        assertThatThrownBy(() -> new ReservedLine("prod-espresso-beans-1kg", 0)).hasMessageContaining("quantity");
    }

    @Test
    void unavailable_line_when_enough_is_available_rejects() {
        assertThatThrownBy(() -> new UnavailableLine("prod-espresso-beans-1kg", 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("available");
    }

    @Test
    void unavailable_line_when_available_is_negative_rejects_naming_available() {
        assertThatThrownBy(() -> new UnavailableLine("prod-espresso-beans-1kg", 2, -1))
                .hasMessageContaining("available");
    }
}
