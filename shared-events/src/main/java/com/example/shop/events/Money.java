package com.example.shop.events;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount of money in the smallest unit of its currency (cents for EUR and USD, yen for JPY),
 * so that no price or total is ever rounded by floating-point arithmetic.
 *
 * @param amountMinor the amount in minor units, zero or more
 * @param currency the ISO 4217 alphabetic code, for example {@code EUR}
 */
public record Money(long amountMinor, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor must not be negative but was " + amountMinor);
        }
        Checks.nonBlank(currency, "currency");
        if (!ISO_4217.matcher(currency).matches() || !isKnownCurrency(currency)) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR but was '"
                    + currency + "'");
        }
    }

    /** No money at all, in the given currency: the neutral start of a sum. */
    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** This amount plus another of the same currency. */
    public Money plus(Money other) {
        Checks.present(other, "other");
        Checks.sameCurrency(this, other, "other");
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** This amount taken {@code factor} times, for example a unit price times a quantity. */
    public Money times(int factor) {
        Checks.atLeast(factor, 0, "factor");
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
