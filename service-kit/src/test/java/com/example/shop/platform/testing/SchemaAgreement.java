package com.example.shop.platform.testing;

import com.example.shop.platform.JsonRequestValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether a request schema and the domain say the same about a value: the value is put at one
 * place of a valid body and validated by the schema, and handed to the domain constructor that
 * the handler would build from it. A value the schema accepts and the domain refuses is a 500;
 * the reverse is a rule kept in two places that drifted.
 *
 * @param schema      the request's schema
 * @param validBody   a body the schema accepts
 */
public record SchemaAgreement(JsonRequestValidator schema, String validBody) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The agreement of the schema at {@code classpathResource} with the domain, around {@code validBody}. */
    public static SchemaAgreement of(String classpathResource, String validBody) {
        return new SchemaAgreement(JsonRequestValidator.forSchema(classpathResource), validBody);
    }

    /** Whether {@code construction} runs without refusing its input (an {@link IllegalArgumentException}). */
    public static boolean constructs(Runnable construction) {
        try {
            construction.run();
            return true;
        } catch (IllegalArgumentException | NullPointerException refused) {
            return false;
        }
    }

    /**
     * Every value on which the schema (with the value at {@code pointer}) and {@code domainAccepts}
     * disagree, described for an assertion message; empty when they agree on all.
     */
    public <T> List<String> disagreements(String pointer, List<T> values, Function<T, JsonNode> asJson,
                                          Predicate<T> domainAccepts) {
        List<String> disagreements = new ArrayList<>();
        for (T value : values) {
            boolean schemaAccepts = schema.validate(with(pointer, asJson.apply(value)))
                    instanceof JsonRequestValidator.Valid;
            boolean domain = domainAccepts.test(value);
            if (schemaAccepts != domain) {
                disagreements.add(pointer + " = " + describe(String.valueOf(value)) + ": schema "
                        + (schemaAccepts ? "accepts" : "refuses") + ", domain " + (domain ? "accepts" : "refuses"));
            }
        }
        return disagreements;
    }

    /** {@link #disagreements} for text values. */
    public List<String> textDisagreements(String pointer, List<String> values, Predicate<String> domainAccepts) {
        return disagreements(pointer, values, JSON.getNodeFactory()::textNode, domainAccepts);
    }

    private String with(String pointer, JsonNode value) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(validBody);
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = body.at(pointer.substring(0, slash));
            ((ObjectNode) parent).set(pointer.substring(slash + 1), value);
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON body: " + validBody, e);
        }
    }

    /** The value with every non-printable-ASCII character as {@code \\uXXXX}, shortened. */
    private static String describe(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.chars().limit(60).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.append(value.length() > 60 ? "…\" (" + value.length() + " UTF-16 units)" : "\"").toString();
    }
}
