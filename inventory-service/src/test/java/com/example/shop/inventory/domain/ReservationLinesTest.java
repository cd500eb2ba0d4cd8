package com.example.shop.inventory.domain;

import com.example.shop.events.OrderLine;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.UnavailableLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.example.shop.events.SampleEvents.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationLinesTest {

    @Test
    void merge_when_a_product_repeats_adds_its_quantities_in_the_order_products_first_appear() {
        List<ReservedLine> merged = ReservationLines.merge(List.of(
                new OrderLine("beans", 2, euros(1890)),
                new OrderLine("mug", 1, euros(1250)),
                new OrderLine("beans", 3, euros(1890))));

        assertThat(merged).containsExactly(new ReservedLine("beans", 5), new ReservedLine("mug", 1));
    }

    @Test
    void merge_when_every_product_is_distinct_keeps_the_lines_as_they_are() {
        List<ReservedLine> merged = ReservationLines.merge(List.of(
                new OrderLine("mug", 1, euros(1250)), new OrderLine("beans", 2, euros(1890))));

        assertThat(merged).containsExactly(new ReservedLine("mug", 1), new ReservedLine("beans", 2));
    }

    @Test
    void merge_when_there_are_no_lines_refuses() {
        assertThatThrownBy(() -> ReservationLines.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unavailable_names_only_the_short_lines_with_what_was_requested_and_what_is_available() {
        List<UnavailableLine> unavailable = ReservationLines.unavailable(
                List.of(new ReservedLine("beans", 5), new ReservedLine("mug", 1), new ReservedLine("filter", 4)),
                Map.of("beans", 3L, "mug", 10L, "filter", 4L));

        assertThat(unavailable).containsExactly(new UnavailableLine("beans", 5, 3));
    }

    @Test
    void unavailable_when_a_product_has_no_stock_item_reports_none_available() {
        List<UnavailableLine> unavailable = ReservationLines.unavailable(
                List.of(new ReservedLine("unknown", 2)), Map.of());

        assertThat(unavailable).containsExactly(new UnavailableLine("unknown", 2, 0));
    }

    @Test
    void unavailable_when_every_line_fits_is_empty() {
        assertThat(ReservationLines.unavailable(List.of(new ReservedLine("beans", 2)), Map.of("beans", 2L)))
                .isEmpty();
    }
}
