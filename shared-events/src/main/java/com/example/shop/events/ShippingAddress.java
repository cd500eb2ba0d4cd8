package com.example.shop.events;

import java.util.Locale;
import java.util.Set;

/**
 * Where the parcel of an order goes: the one piece of customer address data that travels on the
 * bus, because shipping needs it and no service may call another to ask for it.
 *
 * @param recipientName who receives the parcel
 * @param line1 street and number
 * @param line2 an optional second address line, {@code null} when absent
 * @param city the city or town
 * @param postalCode the postal code as written in the destination country
 * @param countryCode the ISO 3166-1 alpha-2 country code, for example {@code DE}
 */
public record ShippingAddress(
        String recipientName, String line1, String line2, String city, String postalCode, String countryCode) {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public ShippingAddress {
        Checks.nonBlank(recipientName, "recipientName");
        Checks.nonBlank(line1, "line1");
        if (line2 != null && line2.isBlank()) {
            throw new IllegalArgumentException("line2 must be null or hold text, not blanks");
        }
        Checks.nonBlank(city, "city");
        Checks.nonBlank(postalCode, "postalCode");
        Checks.nonBlank(countryCode, "countryCode");
        if (!ISO_COUNTRIES.contains(countryCode)) {
            throw new IllegalArgumentException("countryCode must be an ISO 3166-1 alpha-2 code such as DE but was '"
                    + countryCode + "'");
        }
    }
}
