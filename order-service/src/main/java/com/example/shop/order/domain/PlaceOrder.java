package com.example.shop.order.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.IdGenerator;
import com.example.shop.events.Money;
import com.example.shop.events.OrderLine;
import com.example.shop.events.OrderPlaced;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Use case: a customer places an order. Prices come from the service's own price table; the
 * order is stored PENDING together with its {@code OrderPlaced} event in one write, and the
 * outbox publishes the event.
 *
 * <p>Idempotency: with an idempotency key the order id is derived from the customer and the key,
 * so a retried request collides with the order it already created. The same request then gets
 * that order back; a different request under the same key is refused.
 */
public record PlaceOrder(OrderRepository orders, PriceTable prices, IdGenerator ids, Clock clock) {

    /** What placing led to. */
    public sealed interface Outcome {
        /** The order is recorded (now, or by an earlier request with the same key). */
        record Accepted(Order order, boolean replay) implements Outcome {
        }

        /** Some products are not sold (not in the price table). */
        record UnknownProducts(Set<String> productIds) implements Outcome {
        }

        /** The lines cannot form an order (a product asked for more than the line limit in total). */
        record InvalidLines(String productId, String problem) implements Outcome {
        }

        /** The idempotency key was used before for a different request. */
        record KeyReused(OrderId existing) implements Outcome {
        }
    }

    public Outcome place(PlaceOrderCommand command) {
        Map<String, Integer> quantities = mergeLines(command.lines());
        for (var entry : quantities.entrySet()) {
            if (entry.getValue() > OrderLine.MAX_QUANTITY) {
                return new Outcome.InvalidLines(entry.getKey(), "at most " + OrderLine.MAX_QUANTITY
                        + " units of one product per order, " + entry.getValue() + " requested in total");
            }
        }
        Map<String, Money> known = prices.pricesOf(quantities.keySet());
        Set<String> unknown = new TreeSet<>(quantities.keySet());
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            return new Outcome.UnknownProducts(unknown);
        }
        List<OrderLine> lines = quantities.entrySet().stream()
                .map(e -> new OrderLine(e.getKey(), e.getValue(), known.get(e.getKey()))).toList();
        if (lines.stream().map(l -> l.unitPrice().currency()).distinct().count() > 1) {
            return new Outcome.InvalidLines(lines.getFirst().productId(), "products priced in different currencies "
                    + "cannot share an order");
        }

        OrderId id = orderIdFor(command);
        Instant now = clock.instant();
        Order order = Order.place(id, command.customerId(), command.customerEmail(), lines, command.shippingAddress(),
                command.paymentMethodRef(), command.correlationId(), command.requestId(), command.fingerprint(), now);
        EventEnvelope<OrderPlaced> placed = EventEnvelope.of(new OrderPlaced(id.value(), order.customerId(),
                        order.customerEmail(), order.lines(), order.total(), order.shippingAddress(),
                        order.paymentMethodRef()),
                ids.newId(), now, command.correlationId(), command.requestId());
        if (orders.add(order, List.of(placed))) {
            return new Outcome.Accepted(order, false);
        }
        Order existing = orders.find(id).orElseThrow(() -> new IllegalStateException(
                "order " + id + " was reported to exist but cannot be read"));
        if (existing.belongsTo(command.customerId()) && existing.requestFingerprint().equals(command.fingerprint())) {
            return new Outcome.Accepted(existing, true);
        }
        return new Outcome.KeyReused(existing.id());
    }

    private OrderId orderIdFor(PlaceOrderCommand command) {
        if (command.idempotencyKey() == null) {
            return new OrderId(ids.newId());
        }
        String name = "order|" + command.customerId() + "|" + command.idempotencyKey();
        return new OrderId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** One line per product: the same product asked for twice is one line with both quantities. */
    private static Map<String, Integer> mergeLines(List<PlaceOrderCommand.RequestedLine> lines) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        lines.forEach(line -> merged.merge(line.productId(), line.quantity(), Integer::sum));
        return merged;
    }
}
