package com.example.shop.notification.domain;

import com.example.shop.events.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * How amounts read in customer messages: the ISO currency code, then the amount with the
 * currency's own number of decimals and thousands separated by commas ({@code EUR 1,234.50},
 * {@code JPY 5,030}).
 *
 * <p>The code rather than a symbol, because a symbol depends on the reader's locale ({@code $}
 * is several currencies) and a notification is rendered once for every reader.
 */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    /** The amount as a customer reads it. */
    public static String format(Money money) {
        if (money == null) {
            throw new IllegalArgumentException("money must not be null");
        }
        // Pseudo-currencies such as XAU report -1 decimals: they have no minor unit.
        int decimals = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        BigDecimal amount = BigDecimal.valueOf(money.amountMinor(), decimals);
        return money.currency() + " " + String.format(Locale.ROOT, "%,." + decimals + "f", amount);
    }
}
