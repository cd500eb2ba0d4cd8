package com.example.shop.events.codec;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The two {@code java.time} types the shop's JSON carries, as ISO-8601 strings: {@link Instant}
 * ({@code 2026-11-27T10:15:30Z}, {@code Instant.toString}/{@code Instant.parse}) and
 * {@link LocalDate} ({@code 2026-12-01}).
 *
 * <p>Why not Jackson's {@code JavaTimeModule}: it registers (de)serializers for every
 * {@code java.time} type and loads about 75 classes into every function's init for the two the
 * shop uses (measured by the cold-start benchmark, docs/performance.md). The strings are the same
 * as its output with {@code WRITE_DATES_AS_TIMESTAMPS} off; what it would also accept and this
 * refuses (epoch numbers, other types) no schema allows.
 */
public final class TimeJson {

    private TimeJson() {
    }

    /** A Jackson module for every mapper that reads or writes shop JSON with times in it. */
    public static Module module() {
        return new SimpleModule("shop-time")
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, new IsoString<>(Instant.class, Instant::parse))
                .addSerializer(LocalDate.class, ToStringSerializer.instance)
                .addDeserializer(LocalDate.class, new IsoString<>(LocalDate.class, LocalDate::parse));
    }

    /** Reads one ISO-8601 string; anything else is a mapping error naming the type. */
    private static final class IsoString<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;

        IsoString(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            try {
                return parse.apply(p.getText());
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), p.getText(), "not an ISO-8601 %s: %s",
                        handledType().getSimpleName(), e.getMessage());
            }
        }
    }
}
