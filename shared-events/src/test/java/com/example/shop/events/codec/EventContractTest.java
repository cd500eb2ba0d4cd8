package com.example.shop.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventTypes;
import com.example.shop.events.EventTypes.Registration;
import com.example.shop.events.GoldenSamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The contract tests of the event catalogue: for every registered type and version, the golden
 * sample, the JSON Schema, the record and the codec must agree, and old samples must keep parsing.
 */
class EventContractTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            // Draft 2020-12 treats "format" as an annotation unless assertions are switched on.
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();

    static Stream<Registration> registrations() {
        return EventTypes.all().stream();
    }

    private static Schema schemaOf(Registration type) throws Exception {
        String name = GoldenSamples.schemaResourceName(type.eventType(), type.eventVersion());
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("schema %s on the classpath", name).isNotNull();
            return SCHEMAS.getSchema(in, InputFormat.JSON);
        }
    }

    private static String sampleOf(Registration type) {
        return GoldenSamples.json(type.eventType(), type.eventVersion());
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void golden_sample_validates_against_its_schema(Registration type) throws Exception {
        List<Error> errors = schemaOf(type).validate(sampleOf(type), InputFormat.JSON);

        assertThat(messages(errors)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void golden_sample_round_trips_through_the_codec(Registration type) {
        EventEnvelope<DomainEvent> read = codec.read(sampleOf(type)).orElseThrow();

        assertThat(read.data()).isInstanceOf(type.javaType());
        assertThat(read.metadata().eventVersion()).isEqualTo(type.eventVersion());
        assertThat(codec.read(codec.toDetail(read))).contains(read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void what_the_codec_writes_validates_against_the_schema(Registration type) throws Exception {
        String written = codec.toDetail(codec.read(sampleOf(type)).orElseThrow());

        assertThat(messages(schemaOf(type).validate(written, InputFormat.JSON))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schema_data_properties_match_the_record_components(Registration type) throws Exception {
        JsonNode dataSchema = schemaOf(type).getSchemaNode().at("/properties/data");
        Set<String> recordComponents = Arrays.stream(type.javaType().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> schemaProperties = dataSchema.get("properties").properties().stream()
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> schemaRequired = new TreeSet<>();
        dataSchema.get("required").forEach(name -> schemaRequired.add(name.asText()));

        assertThat(schemaProperties).isEqualTo(recordComponents);
        assertThat(schemaRequired).isEqualTo(recordComponents);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schema_rejects_a_sample_missing_metadata_or_data(Registration type) throws Exception {
        Schema schema = schemaOf(type);
        ObjectNode withoutCausation = (ObjectNode) json.readTree(sampleOf(type));
        ((ObjectNode) withoutCausation.get("metadata")).remove("causationId");
        ObjectNode withoutFirstDataField = (ObjectNode) json.readTree(sampleOf(type));
        ObjectNode data = (ObjectNode) withoutFirstDataField.get("data");
        data.remove(data.properties().iterator().next().getKey());

        assertThat(schema.validate(withoutCausation)).isNotEmpty();
        assertThat(schema.validate(withoutFirstDataField)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schema_rejects_a_sample_of_another_source(Registration type) throws Exception {
        ObjectNode sample = (ObjectNode) json.readTree(sampleOf(type));
        ((ObjectNode) sample.get("metadata")).put("source", "shop.elsewhere");

        assertThat(schemaOf(type).validate(sample)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schema_rejects_an_occurred_at_that_is_not_a_date_time(Registration type) throws Exception {
        ObjectNode sample = (ObjectNode) json.readTree(sampleOf(type));
        ((ObjectNode) sample.get("metadata")).put("occurredAt", "yesterday at ten");

        assertThat(schemaOf(type).validate(sample)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void schema_tolerates_additional_data_fields(Registration type) throws Exception {
        ObjectNode sample = (ObjectNode) json.readTree(sampleOf(type));
        ((ObjectNode) sample.get("data")).put("addedInALaterRelease", true);

        assertThat(messages(schemaOf(type).validate(sample))).isEmpty();
    }
}
