package com.example.shop.catalog.domain;

import java.util.regex.Pattern;

/**
 * The one rule every catalog id follows, because it becomes part of a table key
 * ({@code product#<id>}) and of other services' keys ({@code price#<id>}, {@code stock#<id>}):
 * 1 to 128 letters, digits or {@code . _ : -}, starting with a letter or digit.
 */
final class CatalogIds {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private CatalogIds() {
    }

    static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    static String require(String value, String what) {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(what + " is 1 to 128 letters, digits or . _ : - but was '" + value + "'");
        }
        return value;
    }
}
