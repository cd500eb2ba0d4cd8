package com.example.shop.events.codec;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeJsonTest {

    record Stamped(Instant at, LocalDate on) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(TimeJson.module());

    @Test
    void instants_and_dates_are_written_as_iso_8601_strings_and_read_back() throws Exception {
        Stamped stamped = new Stamped(Instant.parse("2026-11-27T10:15:30.120Z"), LocalDate.parse("2026-12-01"));

        String written = json.writeValueAsString(stamped);

        assertThat(written).isEqualTo("{\"at\":\"2026-11-27T10:15:30.120Z\",\"on\":\"2026-12-01\"}");
        assertThat(json.readValue(written, Stamped.class)).isEqualTo(stamped);
    }

    @Test
    void an_instant_without_fraction_is_written_without_one() throws Exception {
        assertThat(json.writeValueAsString(Instant.parse("2026-11-27T10:15:30Z"))).isEqualTo("\"2026-11-27T10:15:30Z\"");
    }

    @Test
    void an_epoch_number_is_refused_rather_than_guessed() {
        assertThatThrownBy(() -> json.readValue("{\"at\":1764238530}", Stamped.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("Instant");
    }

    @Test
    void a_string_that_is_no_date_is_refused_with_the_type_named() {
        assertThatThrownBy(() -> json.readValue("{\"on\":\"1st of December\"}", Stamped.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("not an ISO-8601 LocalDate");
    }
}
