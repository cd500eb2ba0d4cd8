package com.example.shop.shipping.adapter;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working-day arithmetic for delivery estimates: carriers do not deliver on Saturdays or
 * Sundays. Public holidays are not modelled; an estimate is an estimate.
 */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** The date {@code days} working days after {@code start} (a weekend start counts from Monday). */
    public static LocalDate after(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative but was " + days);
        }
        LocalDate date = start;
        int remaining = days;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
