package com.example.shop.events;

import java.util.Locale;
import java.util.Set;

/**
 * Where the parcel of an order goes: the one piece of customer address data that travels on the
 * bus, because shipping needs it and no service may call another to ask for it.
 *
 * <p>Every text is a {@link Texts line} no longer than the place-order request's schema allows
 * ({@code schemas/place-order-request.schema.json} carries the same lengths and pattern), so a
 * request the schema accepts always makes an address.
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

    /** The longest recipient name and address line, in code points. */
    public static final int MAX_LINE_LENGTH = 200;
    /** The longest city name, in code points. */
    public static final int MAX_CITY_LENGTH = 100;
    /** The longest postal code, in code points. */
    public static final int MAX_POSTAL_CODE_LENGTH = 20;

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public ShippingAddress {
        Texts.requireLine(recipientName, MAX_LINE_LENGTH, "recipientName");
        Texts.requireLine(line1, MAX_LINE_LENGTH, "line1");
        if (line2 != null) {
            Texts.requireLine(line2, MAX_LINE_LENGTH, "line2 (null when absent)");
        }
        Texts.requireLine(city, MAX_CITY_LENGTH, "city");
        Texts.requireLine(postalCode, MAX_POSTAL_CODE_LENGTH, "postalCode");
        Checks.nonBlank(countryCode, "countryCode");
        if (!ISO_COUNTRIES.contains(countryCode)) {
            throw new IllegalArgumentException("countryCode must be an ISO 3166-1 alpha-2 code such as DE but was '"
                    + countryCode + "'");
        }
    }
}
