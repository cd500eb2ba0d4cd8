package com.example.shop.localcloud.contract;

import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden event samples of {@code shared-events} ({@code <Type>.v<n>.json}): one real event
 * envelope per type and version, exactly as the codec writes it into an EventBridge {@code detail}.
 */
final class GoldenSamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenSamples() {
    }

    /** The folder the samples live in; read from the checkout, as local-cloud has no shared-events test-jar. */
    static Path folder() {
        return PythonEnvironment.locate().root().resolve("shared-events/src/test/resources/events");
    }

    /** Every sample, ordered by file name. */
    static List<JsonNode> all() {
        try (Stream<Path> files = Files.list(folder())) {
            List<JsonNode> samples = files.filter(file -> file.getFileName().toString().matches("[A-Za-z]+\\.v\\d+\\.json"))
                    .sorted()
                    .map(GoldenSamples::read)
                    .toList();
            if (samples.isEmpty()) {
                throw new IllegalStateException("no golden event samples in " + folder());
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the golden samples in " + folder(), e);
        }
    }

    /** The sample's {@code metadata.eventType}, which the publisher sends as {@code detail-type}. */
    static String eventType(JsonNode sample) {
        return sample.path("metadata").path("eventType").asText();
    }

    /** The sample's {@code metadata.source}, which the publisher sends as {@code source}. */
    static String source(JsonNode sample) {
        return sample.path("metadata").path("source").asText();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the golden sample " + file, e);
        }
    }
}
