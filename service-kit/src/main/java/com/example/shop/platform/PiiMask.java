package com.example.shop.platform;

import java.util.regex.Pattern;

/**
 * Masks personal data in text bound for the logs: email addresses keep their first character and
 * domain ({@code a***@example.com}, still useful to tell two customers apart), postal addresses
 * disappear whole, both as the {@code ShippingAddress[...]} of a record's {@code toString} and as a
 * JSON {@code "shippingAddress": {...}} object.
 */
public final class PiiMask {

    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+\\.[A-Za-z0-9.-]+)");
    private static final Pattern ADDRESS_RECORD = Pattern.compile("ShippingAddress\\[[^\\]]*]");
    private static final Pattern ADDRESS_JSON = Pattern.compile("\"shippingAddress\"\\s*:\\s*\\{[^}]*}");

    private PiiMask() {
    }

    /** The text with every email and postal address masked; the same instance when there was none. */
    public static String mask(String text) {
        if (text == null || (text.indexOf('@') < 0 && !text.contains("ShippingAddress") && !text.contains("shippingAddress"))) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        masked = ADDRESS_RECORD.matcher(masked).replaceAll("ShippingAddress[***]");
        return ADDRESS_JSON.matcher(masked).replaceAll("\"shippingAddress\":\"***\"");
    }
}
