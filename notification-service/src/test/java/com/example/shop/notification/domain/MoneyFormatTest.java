package com.example.shop.notification.domain;

import com.example.shop.events.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTest {

    @Test
    void euros_show_cents_after_the_currency_code() {
        assertThat(MoneyFormat.format(new Money(5030, "EUR"))).isEqualTo("EUR 50.30");
    }

    @Test
    void small_amounts_keep_their_leading_zero() {
        assertThat(MoneyFormat.format(new Money(5, "EUR"))).isEqualTo("EUR 0.05");
        assertThat(MoneyFormat.format(new Money(0, "USD"))).isEqualTo("USD 0.00");
    }

    @Test
    void thousands_are_separated_by_commas() {
        assertThat(MoneyFormat.format(new Money(123456789, "EUR"))).isEqualTo("EUR 1,234,567.89");
    }

    @Test
    void a_currency_without_minor_unit_has_no_decimals() {
        assertThat(MoneyFormat.format(new Money(5030, "JPY"))).isEqualTo("JPY 5,030");
    }

    @Test
    void a_currency_with_three_decimals_shows_three() {
        assertThat(MoneyFormat.format(new Money(1234, "BHD"))).isEqualTo("BHD 1.234");
    }
}
