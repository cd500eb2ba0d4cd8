package com.example.shop.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Validates a request body against a JSON Schema (draft 2020-12) kept on the classpath, loaded
 * once at init. The Powertools validation utility does the same where it is available.
 */
public final class JsonRequestValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    private JsonRequestValidator(Schema schema) {
        this.schema = schema;
    }

    /** Loads the schema at {@code classpathResource}, failing at init when it is missing. */
    public static JsonRequestValidator forSchema(String classpathResource) {
        try (InputStream in = JsonRequestValidator.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("Schema " + classpathResource + " is not on the classpath");
            }
            return new JsonRequestValidator(REGISTRY.getSchema(in, InputFormat.JSON));
        } catch (IOException e) {
            throw new IllegalStateException("Schema " + classpathResource + " cannot be read", e);
        }
    }

    /** The outcome of validating one body: the parsed document, or what is wrong with it. */
    public sealed interface Result permits Valid, Invalid {
    }

    /** The body parsed and satisfied the schema. */
    public record Valid(JsonNode body) implements Result {
    }

    /** The body is not JSON or breaks the schema; each violation names its JSON pointer. */
    public record Invalid(List<ApiResponses.Violation> violations) implements Result {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    public Result validate(String body) {
        if (body == null || body.isBlank()) {
            return new Invalid(List.of(new ApiResponses.Violation("", "a JSON body is required")));
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Invalid(List.of(new ApiResponses.Violation("", "the body is not valid JSON")));
        }
        var errors = schema.validate(node);
        if (errors.isEmpty()) {
            return new Valid(node);
        }
        return new Invalid(errors.stream()
                .map(e -> new ApiResponses.Violation(pointer(e.getInstanceLocation().toString(), e.getProperty()),
                        e.getMessage()))
                .toList());
    }

    /** networknt reports locations as {@code $.lines[0].quantity}; clients get JSON pointers. */
    private static String pointer(String location, String property) {
        String path = location.startsWith("$") ? location.substring(1) : location;
        path = path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        if (property != null && !property.isBlank() && !path.endsWith("/" + property)) {
            path = path + "/" + property;
        }
        return path;
    }
}
