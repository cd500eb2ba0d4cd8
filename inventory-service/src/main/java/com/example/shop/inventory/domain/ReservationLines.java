package com.example.shop.inventory.domain;

import com.example.shop.events.OrderLine;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.UnavailableLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that turn an order's lines into stock to reserve, and a failed reservation into the
 * lines the customer is told about.
 */
public final class ReservationLines {

    private ReservationLines() {
    }

    /**
     * One line per product, quantities of repeated products added up, in the order products first
     * appear.
     *
     * <p>{@code OrderPlaced} already promises one line per product; merging anyway keeps the
     * reservation correct if that promise is ever relaxed, because a transaction may not touch the
     * same stock item twice.
     */
    public static List<ReservedLine> merge(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line to reserve");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            quantities.merge(line.productId(), line.quantity(), Math::addExact);
        }
        List<ReservedLine> merged = new ArrayList<>(quantities.size());
        quantities.forEach((productId, quantity) -> merged.add(new ReservedLine(productId, quantity)));
        return List.copyOf(merged);
    }

    /**
     * The lines that cannot be supplied from the given free stock, each with what was requested
     * and what is available; a product without a stock item has none available.
     *
     * @param lines the merged lines of the order
     * @param available free units per product id, as read after the reservation failed
     * @return the short lines, empty when every line could now be supplied
     */
    public static List<UnavailableLine> unavailable(List<ReservedLine> lines, Map<String, Long> available) {
        List<UnavailableLine> shortLines = new ArrayList<>();
        for (ReservedLine line : lines) {
            long free = Math.max(0, available.getOrDefault(line.productId(), 0L));
            if (free < line.quantity()) {
                // free < quantity <= Integer.MAX_VALUE, so the narrowing cannot overflow
                shortLines.add(new UnavailableLine(line.productId(), line.quantity(), (int) free));
            }
        }
        return List.copyOf(shortLines);
    }
}
