package com.example.shop.shipping.adapter;

import java.util.Locale;

/**
 * A parcel carrier the shop books shipments with, and how long it takes to deliver.
 *
 * @param name the carrier's name as customers see it
 * @param trackingPrefix what the carrier's tracking numbers start with
 * @param businessDaysToDeliver working days from booking to delivery
 */
public record Carrier(String name, String trackingPrefix, int businessDaysToDeliver) {

    public Carrier {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (trackingPrefix == null || trackingPrefix.isBlank()) {
            throw new IllegalArgumentException("trackingPrefix must not be blank");
        }
        if (businessDaysToDeliver < 1) {
            throw new IllegalArgumentException("businessDaysToDeliver must be at least 1 but was " + businessDaysToDeliver);
        }
    }

    /**
     * A tracking number in this carrier's format: its prefix followed by the letters and digits of
     * a unique id, upper-cased.
     */
    public String trackingNumber(String uniqueId) {
        String digits = uniqueId.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("a tracking number needs an id with letters or digits");
        }
        return trackingPrefix + digits.substring(0, Math.min(digits.length(), 16));
    }
}
