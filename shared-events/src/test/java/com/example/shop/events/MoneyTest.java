package com.example.shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void constructor_when_amount_is_negative_rejects_naming_amount_minor() {
        assertThatThrownBy(() -> new Money(-1, "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amountMinor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "E1R", "ABC", "  "})
    void constructor_when_currency_is_not_iso4217_rejects_naming_currency(String currency) {
        assertThatThrownBy(() -> new Money(100, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void constructor_when_currency_is_missing_rejects_naming_currency() {
        assertThatThrownBy(() -> new Money(100, null)).hasMessageContaining("currency");
    }

    @Test
    void zero_is_a_valid_amount() {
        assertThat(Money.zero("JPY")).isEqualTo(new Money(0, "JPY"));
    }

    @Test
    void plus_when_same_currency_adds_minor_units() {
        assertThat(new Money(1890, "EUR").plus(new Money(1250, "EUR"))).isEqualTo(new Money(3140, "EUR"));
    }

    @Test
    void plus_when_currencies_differ_rejects() {
        assertThatThrownBy(() -> new Money(100, "EUR").plus(new Money(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void times_multiplies_by_quantity() {
        assertThat(new Money(1890, "EUR").times(3)).isEqualTo(new Money(5670, "EUR"));
    }

    @Test
    void times_when_result_overflows_fails_instead_of_wrapping_around() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE / 2 + 1, "EUR").times(2))
                .isInstanceOf(ArithmeticException.class);
    }
}
