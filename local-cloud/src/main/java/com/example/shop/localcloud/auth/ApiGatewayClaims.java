package com.example.shop.localcloud.auth;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders a token's claims the way the HTTP API puts them in {@code requestContext.authorizer.jwt.claims}:
 * a flat map of strings. Numbers keep their digits ({@code "1735689600"}, not {@code 1.7e+09}),
 * booleans become {@code "true"}/{@code "false"}, and arrays become their elements separated by
 * spaces inside brackets, so {@code ["admin","customer"]} arrives as {@code "[admin customer]"}.
 * That array format is what deployed APIs show (AWS does not document it), so handlers that read
 * {@code cognito:groups} must parse it; doing the same here keeps them honest. Nested objects are
 * written in the same style ({@code map[key:value]}, keys sorted) and JSON {@code null} claims
 * are left out.
 */
final class ApiGatewayClaims {

    private ApiGatewayClaims() {
    }

    static Map<String, String> render(Map<String, Object> payload) {
        Map<String, String> rendered = new TreeMap<>();
        payload.forEach((name, value) -> {
            if (value != null) {
                rendered.put(name, renderValue(value));
            }
        });
        return rendered;
    }

    static String renderValue(Object value) {
        return switch (value) {
            case null -> "<nil>";
            case String text -> text;
            case Double d when d == Math.rint(d) && !d.isInfinite() -> new BigDecimal(d).toPlainString();
            case Float f when f == Math.rint(f) && !f.isInfinite() -> new BigDecimal(f).toPlainString();
            case Number number -> number.toString();
            case Collection<?> items -> items.stream()
                    .map(ApiGatewayClaims::renderValue)
                    .collect(Collectors.joining(" ", "[", "]"));
            case Map<?, ?> object -> new TreeMap<>(object).entrySet().stream()
                    .map(e -> e.getKey() + ":" + renderValue(e.getValue()))
                    .collect(Collectors.joining(" ", "map[", "]"));
            default -> value.toString();
        };
    }
}
