package com.example.shop.shipping.adapter;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);

    @Test
    void within_the_week_working_days_are_calendar_days() {
        assertThat(BusinessDays.after(WEDNESDAY, 2)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void the_weekend_is_skipped() {
        assertThat(BusinessDays.after(FRIDAY, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(BusinessDays.after(FRIDAY, 2)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(BusinessDays.after(WEDNESDAY, 7)).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void an_order_paid_at_the_weekend_counts_from_monday() {
        assertThat(BusinessDays.after(SATURDAY, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void zero_days_is_the_same_day() {
        assertThat(BusinessDays.after(FRIDAY, 0)).isEqualTo(FRIDAY);
    }
}
