package com.example.shop.inventory.domain;

import java.util.regex.Pattern;

/**
 * The catalogue id of a product whose stock inventory keeps, for example
 * {@code prod-espresso-beans-1kg}.
 *
 * <p>It becomes part of a table key ({@code stock#<productId>}), so only letters, digits and
 * {@code . _ : -} are accepted, up to 128 characters.
 *
 * @param value the id as the catalogue wrote it
 */
public record ProductId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public ProductId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a product id is 1 to 128 letters, digits or . _ : - but was '"
                    + value + "'");
        }
    }

    /** Whether {@code value} may be used as a product id (for answering a request with 400 rather than 500). */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
