package com.example.shop.catalog.domain;

import com.example.shop.events.Texts;

/**
 * The checks shared by the catalog's display texts: a name is a {@link Texts line}, counted in
 * code points, exactly as the request schemas' {@code pattern} and {@code maxLength} say.
 */
final class Names {

    private Names() {
    }

    static String require(String value, int maxLength, String field) {
        return Texts.requireLine(value, maxLength, field);
    }

    static long version(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        return version;
    }
}
