package com.example.shop.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden JSON samples of the event contract: one full EventBridge {@code detail} per event
 * type and version, under {@code events/<Type>.v<version>.json} on the test classpath.
 *
 * <p>Shipped in the test-jar, so that every consumer's tests can feed its handler the exact JSON
 * its producer writes.
 */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    /** The classpath location of the sample of a type and version. */
    public static String resourceName(String eventType, int eventVersion) {
        return "events/" + eventType + ".v" + eventVersion + ".json";
    }

    /** The sample detail JSON of a type and version. */
    public static String json(String eventType, int eventVersion) {
        return resource(resourceName(eventType, eventVersion));
    }

    /** The sample detail JSON of version 1 of a type. */
    public static String json(String eventType) {
        return json(eventType, 1);
    }

    /** The classpath location of the JSON Schema of a type and version. */
    public static String schemaResourceName(String eventType, int eventVersion) {
        return "schemas/" + eventType + ".v" + eventVersion + ".schema.json";
    }

    /** The text of a classpath resource, failing loudly when it is missing. */
    public static String resource(String name) {
        try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
