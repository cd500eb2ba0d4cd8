package com.example.shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void constructor_whenAmountIsNegative_rejectsNamingAmountMinor() {
        assertThatThrownBy(() -> new Money(-1, "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amountMinor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "E1R", "ABC", "  "})
    void constructor_whenCurrencyIsNotIso4217_rejectsNamingCurrency(String currency) {
        assertThatThrownBy(() -> new Money(100, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void constructor_whenCurrencyIsMissing_rejectsNamingCurrency() {
        assertThatThrownBy(() -> new Money(100, null)).hasMessageContaining("currency");
    }

    @Test
    void zero_isAValidAmount() {
        assertThat(Money.zero("JPY")).isEqualTo(new Money(0, "JPY"));
    }

    @Test
    void plus_whenSameCurrency_addsMinorUnits() {
        assertThat(new Money(1890, "EUR").plus(new Money(1250, "EUR"))).isEqualTo(new Money(3140, "EUR"));
    }

    @Test
    void plus_whenCurrenciesDiffer_rejects() {
        assertThatThrownBy(() -> new Money(100, "EUR").plus(new Money(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void times_multipliesByQuantity() {
        assertThat(new Money(1890, "EUR").times(3)).isEqualTo(new Money(5670, "EUR"));
    }

    @Test
    void times_whenResultOverflows_failsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE / 2 + 1, "EUR").times(2))
                .isInstanceOf(ArithmeticException.class);
    }
}
