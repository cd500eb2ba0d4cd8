package com.example.shop.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Request bodies drawn from a route's JSON Schema: the schema is walked for every place it
 * describes (objects, arrays, strings, integers, through {@code $ref}s), and a valid example body
 * is changed at one of those places in a way that schema allows or forbids: hostile texts
 * ({@link HostileInputs}), lengths and numbers at and past the limits the schema states, wrong
 * types, missing required and unknown members, too few and too many items. Some bodies are broken
 * as a whole: 10,000-deep nesting, duplicate keys, truncated or non-JSON text, a 1 MB string.
 */
public final class HostileBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final ObjectNode example;
    private final List<Place> places = new ArrayList<>();

    /** One place the schema describes: a JSON pointer into the body and the schema of its value. */
    public record Place(String pointer, JsonNode schema) {
    }

    private HostileBodies(JsonNode root, ObjectNode example) {
        this.root = root;
        this.example = example;
        walk(root, "");
    }

    /** Bodies for the schema at {@code classpathResource}, changed from {@code validExample}. */
    public static HostileBodies of(String classpathResource, String validExample) {
        try (InputStream in = HostileBodies.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException(classpathResource + " is not on the classpath");
            }
            return new HostileBodies(JSON.readTree(in), (ObjectNode) JSON.readTree(validExample));
        } catch (IOException e) {
            throw new IllegalArgumentException(classpathResource + " cannot be read", e);
        }
    }

    /** Every place of the schema, e.g. {@code /shippingAddress/city}. */
    public List<Place> places() {
        return List.copyOf(places);
    }

    /** Hostile bodies: mostly one place changed, sometimes the whole body broken. */
    public Arbitrary<String> bodies() {
        Arbitrary<String> changedAtOnePlace = Arbitraries.of(places).flatMap(place ->
                values(place).map(value -> write(with(place.pointer(), value))));
        return Arbitraries.frequencyOf(
                Tuple.of(8, changedAtOnePlace),
                Tuple.of(1, brokenAsAWhole()),
                Tuple.of(1, duplicateKeys()));
    }

    private Arbitrary<JsonNode> values(Place place) {
        JsonNode schema = place.schema();
        String type = schema.path("type").asText("");
        Arbitrary<JsonNode> wrongType = Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(7),
                NODES.textNode("7"), NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(1.5));
        return switch (type) {
            case "string" -> Arbitraries.frequencyOf(
                    Tuple.of(6, HostileInputs.strings(schema.path("maxLength").asInt(200))
                            .map(text -> (JsonNode) NODES.textNode(text))),
                    Tuple.of(1, wrongType));
            case "integer", "number" -> Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(numbersAround(schema))),
                    Tuple.of(1, wrongType));
            case "array" -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of(arraysAround(place))),
                    Tuple.of(1, wrongType));
            case "object" -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of(objectsAround(place))),
                    Tuple.of(1, wrongType));
            default -> wrongType;
        };
    }

    private static List<JsonNode> numbersAround(JsonNode schema) {
        List<JsonNode> numbers = new ArrayList<>();
        for (String bound : List.of("minimum", "maximum")) {
            if (schema.has(bound)) {
                long limit = schema.get(bound).asLong();
                for (long delta = -1; delta <= 1; delta++) {
                    numbers.add(NODES.numberNode(limit + delta));
                }
            }
        }
        numbers.addAll(List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(Integer.MAX_VALUE + 1L),
                NODES.numberNode(new BigInteger("99999999999999999999999999999999")),
                NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(new BigDecimal("-0.0")),
                NODES.numberNode(2.5), NODES.numberNode(1.0)));
        return numbers;
    }

    private List<JsonNode> arraysAround(Place place) {
        JsonNode current = example.at(place.pointer());
        JsonNode item = current.isArray() && !current.isEmpty() ? current.get(0) : NODES.objectNode();
        int max = place.schema().path("maxItems").asInt(50);
        ArrayNode tooMany = NODES.arrayNode();
        for (int i = 0; i <= max; i++) {
            tooMany.add(item.deepCopy());
        }
        ArrayNode nulls = NODES.arrayNode().addNull();
        ArrayNode nested = NODES.arrayNode();
        nested.addArray().add(item.deepCopy());
        return List.of(NODES.arrayNode(), tooMany, nulls, nested);
    }

    private List<JsonNode> objectsAround(Place place) {
        JsonNode current = example.at(place.pointer());
        List<JsonNode> objects = new ArrayList<>();
        if (current.isObject()) {
            ObjectNode unknown = current.deepCopy();
            unknown.put("unknownMember", "x");
            unknown.put("__proto__", "x");
            objects.add(unknown);
            for (JsonNode required : place.schema().path("required")) {
                ObjectNode missing = current.deepCopy();
                missing.remove(required.asText());
                objects.add(missing);
            }
        }
        objects.add(NODES.objectNode());
        return objects;
    }

    private Arbitrary<String> brokenAsAWhole() {
        String valid = write(example);
        return Arbitraries.oneOf(
                Arbitraries.of("[".repeat(10_000) + "]".repeat(10_000),
                        "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                        "", " ", "null", "[]", "\"text\"", "42", "{", "}", "{\"\":}", "\u0000", "\uFEFF" + valid,
                        "{\"x\":\"" + HostileInputs.ONE_MEGABYTE + "\"}", HostileInputs.ONE_MEGABYTE, "\uD800"),
                Arbitraries.integers().between(0, valid.length() - 1).map(cut -> valid.substring(0, cut)));
    }

    /** A member of the example repeated with a hostile value after it (the last one counts in Jackson). */
    private Arbitrary<String> duplicateKeys() {
        List<String> members = new ArrayList<>();
        example.fieldNames().forEachRemaining(members::add);
        return Arbitraries.of(members).flatMap(member -> HostileInputs.strings(200).map(text -> {
            String valid = write(example);
            return valid.substring(0, valid.length() - 1) + ",\"" + member + "\":" + write(NODES.textNode(text)) + "}";
        }));
    }

    private ObjectNode with(String pointer, JsonNode value) {
        ObjectNode copy = example.deepCopy();
        int slash = pointer.lastIndexOf('/');
        if (slash < 0) {
            return copy;
        }
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
            array.set(Integer.parseInt(name), value);
        }
        return copy;
    }

    private void walk(JsonNode schema, String pointer) {
        JsonNode resolved = resolve(schema);
        if (!pointer.isEmpty()) {
            places.add(new Place(pointer, resolved));
        }
        resolved.path("properties").properties().forEach(p -> walk(p.getValue(), pointer + "/" + p.getKey()));
        if (resolved.has("items")) {
            walk(resolved.get("items"), pointer + "/0");
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#") ? resolve(root.at(ref.substring(1))) : schema;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same bodies, each turned into a request by {@code toRequest}. */
    public <R> Arbitrary<R> requests(Function<String, R> toRequest) {
        return bodies().map(toRequest);
    }
}
