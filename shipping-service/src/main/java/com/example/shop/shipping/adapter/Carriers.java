package com.example.shop.shipping.adapter;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which carrier takes a parcel, by destination country: the shop's (small, hard-coded) shipping
 * contracts, shipping from Germany, as the {@link SimulatedCarrierBookings} plays them.
 *
 * <table>
 *   <caption>Carrier by destination</caption>
 *   <tr><th>destination</th><th>carrier</th><th>business days</th></tr>
 *   <tr><td>DE</td><td>DHL</td><td>2</td></tr>
 *   <tr><td>neighbouring countries: AT BE CH CZ DK FR LU NL PL</td><td>DPD</td><td>3</td></tr>
 *   <tr><td>the rest of Europe: ES FI GB IE IT NO PT SE</td><td>GLS</td><td>5</td></tr>
 *   <tr><td>anywhere else</td><td>UPS</td><td>7</td></tr>
 * </table>
 */
public final class Carriers {

    public static final Carrier DHL = new Carrier("DHL", "JJD", 2);
    public static final Carrier DPD = new Carrier("DPD", "DPD", 3);
    public static final Carrier GLS = new Carrier("GLS", "GLS", 5);
    public static final Carrier UPS = new Carrier("UPS", "1Z", 7);

    private static final Map<String, Carrier> BY_COUNTRY = Stream.of(
                    entries(DHL, Set.of("DE")),
                    entries(DPD, Set.of("AT", "BE", "CH", "CZ", "DK", "FR", "LU", "NL", "PL")),
                    entries(GLS, Set.of("ES", "FI", "GB", "IE", "IT", "NO", "PT", "SE")))
            .flatMap(m -> m.entrySet().stream())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private Carriers() {
    }

    /** The carrier for an ISO 3166-1 alpha-2 destination country. */
    public static Carrier forCountry(String countryCode) {
        return BY_COUNTRY.getOrDefault(countryCode, UPS);
    }

    private static Map<String, Carrier> entries(Carrier carrier, Set<String> countries) {
        return countries.stream().collect(Collectors.toMap(country -> country, country -> carrier));
    }
}
