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
    void shippingAddress_whenCountryIsNotIso3166Alpha2_rejectsNamingCountryCode(String country) {
        assertThatThrownBy(() -> new ShippingAddress(
                        "Erika Mustermann", "Hauptstraße 5", null, "Berlin", "10115", country))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countryCode");
    }

    @Test
    void shippingAddress_withoutSecondLine_isValid() {
        assertThat(new ShippingAddress("Erika Mustermann", "Hauptstraße 5", null, "Berlin", "10115", "DE").line2())
                .isNull();
    }

    @Test
    void shippingAddress_whenSecondLineIsBlank_rejectsNamingLine2() {
        assertThatThrownBy(() -> new ShippingAddress(
                        "Erika Mustermann", "Hauptstraße 5", " ", "Berlin", "10115", "DE"))
                .hasMessageContaining("line2");
    }

    @Test
    void shippingAddress_whenCityIsBlank_rejectsNamingCity() {
        assertThatThrownBy(() -> new ShippingAddress("Erika Mustermann", "Hauptstraße 5", null, " ", "10115", "DE"))
                .hasMessageContaining("city");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void orderLine_whenQuantityOutside1To100_rejectsNamingQuantity(int quantity) {
        assertThatThrownBy(() -> new OrderLine("prod-espresso-beans-1kg", quantity, euros(1890)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void orderLine_atQuantityBounds_isValid(int quantity) {
        assertThatCode(() -> new OrderLine("prod-espresso-beans-1kg", quantity, euros(1890)))
                .doesNotThrowAnyException();
    }

    @Test
    void orderLine_subtotal_isUnitPriceTimesQuantity() {
        assertThat(new OrderLine("prod-espresso-beans-1kg", 3, euros(1890)).subtotal()).isEqualTo(euros(5670));
    }

    @Test
    void orderLine_whenProductIdIsBlank_rejectsNamingProductId() {
        assertThatThrownBy(() -> new OrderLine("", 1, euros(1890))).hasMessageContaining("productId");
    }

    @Test
    void reservedLine_whenQuantityIsZero_rejectsNamingQuantity() {
        assertThatThrownBy(() -> new ReservedLine("prod-espresso-beans-1kg", 0)).hasMessageContaining("quantity");
    }

    @Test
    void unavailableLine_whenEnoughIsAvailable_rejects() {
        assertThatThrownBy(() -> new UnavailableLine("prod-espresso-beans-1kg", 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("available");
    }

    @Test
    void unavailableLine_whenAvailableIsNegative_rejectsNamingAvailable() {
        assertThatThrownBy(() -> new UnavailableLine("prod-espresso-beans-1kg", 2, -1))
                .hasMessageContaining("available");
    }
}
