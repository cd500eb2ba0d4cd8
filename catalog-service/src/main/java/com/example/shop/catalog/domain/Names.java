package com.example.shop.catalog.domain;

/** The checks shared by the catalog's display texts. */
final class Names {

    private Names() {
    }

    static String require(String value, int maxLength, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    static long version(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        return version;
    }
}
