package com.example.shop.notification.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventTypes;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderLine;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.ShippingAddress;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.UnavailableLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the shop tells a customer about each step of their order: one {@link MessageTemplate} per
 * customer-facing event type, and the values each event puts into it (order id, amounts formatted
 * from {@code Money}, carrier and tracking, decline reason, the lines that could not be supplied,
 * why no carrier would take the parcel).
 *
 * <p>Only the {@link #EVENT_TYPES} are customer-facing. Internal steps such as
 * {@code StockReserved} or {@code StockReleased} would only repeat, in system words, what the
 * customer is already told by the events around them.
 */
public final class CustomerMessages {

    /** The events a customer hears about, in saga order. */
    public static final List<Class<? extends DomainEvent>> EVENT_TYPES = List.of(
            OrderPlaced.class,
            StockUnavailable.class,
            PaymentCharged.class,
            PaymentDeclined.class,
            PaymentFailed.class,
            ShipmentScheduled.class,
            ShipmentFailed.class,
            OrderCancelled.class,
            PaymentRefunded.class);

    /** Where {@link #fromClasspath()} finds the template of an event type. */
    public static final String TEMPLATE_LOCATION = "templates/%s.txt";

    private static final DateTimeFormatter DELIVERY_DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);

    private final Map<String, MessageTemplate> templates;

    /**
     * @param templatesByEventType a template for every one of the {@link #EVENT_TYPES}, keyed by type name
     */
    public CustomerMessages(Map<String, MessageTemplate> templatesByEventType) {
        Set<String> missing = EVENT_TYPES.stream().map(EventTypes::eventTypeOf)
                .filter(type -> !templatesByEventType.containsKey(type))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no message template for " + missing);
        }
        this.templates = Map.copyOf(templatesByEventType);
    }

    /** The templates shipped with the service, read once (at init) from {@value #TEMPLATE_LOCATION}. */
    public static CustomerMessages fromClasspath() {
        Map<String, MessageTemplate> templates = new HashMap<>();
        for (Class<? extends DomainEvent> type : EVENT_TYPES) {
            String eventType = EventTypes.eventTypeOf(type);
            String resource = TEMPLATE_LOCATION.formatted(eventType);
            templates.put(eventType, MessageTemplate.parse(resource, read(resource)));
        }
        return new CustomerMessages(templates);
    }

    /** Whether customers hear about events of this type. */
    public static boolean isCustomerFacing(Class<? extends DomainEvent> type) {
        return EVENT_TYPES.contains(type);
    }

    /**
     * The message for one event.
     *
     * @throws IllegalArgumentException when the event is not customer-facing
     */
    public RenderedMessage render(DomainEvent event) {
        return templateFor(event).render(valuesOf(event));
    }

    /** The template for the event's type. */
    MessageTemplate templateFor(DomainEvent event) {
        MessageTemplate template = templates.get(EventTypes.eventTypeOf(event.getClass()));
        if (template == null) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a customer-facing event");
        }
        return template;
    }

    /** The placeholder values an event provides to its template. */
    static Map<String, String> valuesOf(DomainEvent event) {
        return switch (event) {
            case OrderPlaced placed -> Map.of(
                    "orderId", placed.orderId(),
                    "recipientName", placed.shippingAddress().recipientName(),
                    "lines", orderLines(placed.lines()),
                    "total", MoneyFormat.format(placed.total()),
                    "shippingAddress", address(placed.shippingAddress()));
            case StockUnavailable unavailable -> Map.of(
                    "orderId", unavailable.orderId(),
                    "unavailableLines", unavailableLines(unavailable.lines()));
            case PaymentCharged charged -> Map.of(
                    "orderId", charged.orderId(),
                    "amount", MoneyFormat.format(charged.amount()),
                    "paymentId", charged.paymentId());
            case PaymentDeclined declined -> Map.of(
                    "orderId", declined.orderId(),
                    "amount", MoneyFormat.format(declined.amount()),
                    "reason", declined.reason());
            // The reason of PaymentFailed is for operators ("unavailable after N attempts"): the
            // template says in the customer's words what it means for them.
            case PaymentFailed failed -> Map.of(
                    "orderId", failed.orderId());
            case ShipmentScheduled scheduled -> Map.of(
                    "orderId", scheduled.orderId(),
                    "carrier", scheduled.carrier(),
                    "trackingNumber", scheduled.trackingNumber(),
                    "estimatedDelivery", DELIVERY_DAY.format(scheduled.estimatedDelivery()));
            case ShipmentFailed failed -> Map.of(
                    "orderId", failed.orderId(),
                    "reason", failed.reason());
            case OrderCancelled cancelled -> Map.of(
                    "orderId", cancelled.orderId(),
                    "reason", cancelled.reason());
            case PaymentRefunded refunded -> Map.of(
                    "orderId", refunded.orderId(),
                    "amount", MoneyFormat.format(refunded.amount()),
                    "refundId", refunded.refundId());
            default -> throw new IllegalArgumentException(
                    event.getClass().getSimpleName() + " is not a customer-facing event");
        };
    }

    private static String orderLines(List<OrderLine> lines) {
        return lines.stream()
                .map(line -> "  %d x %s at %s = %s".formatted(line.quantity(), line.productId(),
                        MoneyFormat.format(line.unitPrice()), MoneyFormat.format(line.subtotal())))
                .collect(Collectors.joining("\n"));
    }

    private static String unavailableLines(List<UnavailableLine> lines) {
        return lines.stream()
                .map(line -> "  %s: you asked for %d, we have %s".formatted(line.productId(), line.requested(),
                        line.available() == 0 ? "none" : Integer.toString(line.available())))
                .collect(Collectors.joining("\n"));
    }

    private static String address(ShippingAddress a) {
        StringBuilder text = new StringBuilder("  ").append(a.recipientName()).append("\n  ").append(a.line1());
        if (a.line2() != null) {
            text.append("\n  ").append(a.line2());
        }
        return text.append("\n  ").append(a.postalCode()).append(' ').append(a.city())
                .append("\n  ").append(a.countryCode()).toString();
    }

    private static String read(String resource) {
        try (InputStream in = CustomerMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message template " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read message template " + resource, e);
        }
    }
}
