package com.example.shop.localcloud.contract;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.events.EventTypes;
import com.example.shop.notification.domain.CustomerMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event bus's routing contract: every consumer receives exactly the shop events it handles,
 * and nothing else.
 *
 * <p>The rules are read from {@code infra/template.yaml} as the SAM transform expands it, each
 * rule's queue is followed to the function that reads it, and every golden event sample, shaped as
 * EventBridge delivers it, is matched with Event Ruler, the matcher EventBridge itself runs. The
 * table below is the truth: it says in business terms who must hear of what, it agrees with each
 * consumer's routing table ({@code SqsEventConsumer.on(...)} in its handler), and the template
 * must agree with it in both directions.
 */
class EventRulesContractTest {

    /** The event journal, a log group every shop event is written to for following an order. */
    private static final String JOURNAL = "ShopEventJournal";

    /** Every event type the shop speaks, as the event registry lists them. */
    private static final Set<String> EVERY_EVENT = EventTypes.all().stream()
            .map(EventTypes.Registration::eventType)
            .collect(Collectors.toUnmodifiableSet());

    /** The producers on the bus, each the {@code source} of its own events. */
    private static final List<String> SHOP_SOURCES =
            List.of("shop.orders", "shop.inventory", "shop.payments", "shop.shipping", "shop.catalog");

    /** Who must receive what. */
    private static final Map<String, Set<String>> MUST_RECEIVE = Map.ofEntries(
            // inventory reserves stock for every order placed
            entry("ReserveStockFunction", Set.of("OrderPlaced")),
            // inventory gives the reservation back when the order will not be paid, is cancelled, or
            // cannot be shipped
            entry("ReleaseStockFunction", Set.of("PaymentDeclined", "PaymentFailed", "OrderCancelled", "ShipmentFailed")),
            // payment charges an order once its stock is reserved
            entry("ChargePaymentFunction", Set.of("StockReserved")),
            // payment refunds a cancelled order, or makes sure it is never charged, and refunds an
            // order no carrier would ship
            entry("RefundPaymentFunction", Set.of("OrderCancelled", "ShipmentFailed")),
            // shipping books a parcel for a paid order
            entry("ScheduleShipmentFunction", Set.of("PaymentCharged")),
            // shipping withdraws a cancelled order's booking, or keeps it from being booked
            entry("CancelShipmentFunction", Set.of("OrderCancelled")),
            // order moves the order along its state machine with every step of the saga
            entry("UpdateOrderStatusFunction", Set.of("StockReserved", "StockUnavailable", "StockReleased",
                    "PaymentCharged", "PaymentDeclined", "PaymentFailed", "PaymentRefunded", "ShipmentScheduled",
                    "ShipmentFailed", "ShipmentCancelled")),
            // notification tells the customer of each step they care about, the events it has a
            // message for; internal steps such as StockReserved are not news to them
            entry("NotifyCustomerFunction", Set.of("OrderPlaced", "OrderCancelled", "StockUnavailable",
                    "PaymentCharged", "PaymentDeclined", "PaymentFailed", "PaymentRefunded", "ShipmentScheduled",
                    "ShipmentFailed")),
            // order keeps its price list in step with the catalog, withdrawing discontinued products
            entry("UpdatePriceTableFunction", Set.of("ProductCreated", "ProductPriceChanged", "ProductDiscontinued")),
            // inventory opens an empty stock item for every new product
            entry("CreateStockItemFunction", Set.of("ProductCreated")),
            // operators can follow any order through the journal
            entry(JOURNAL, EVERY_EVENT));

    private static ShopBusRouting routing;
    private static List<JsonNode> samples;
    /** What each consumer received when every golden sample was published by its producer. */
    private static Map<String, Set<String>> received;

    @BeforeAll
    static void publishEveryGoldenSample() {
        routing = ShopBusRouting.ofContractTemplate();
        samples = GoldenSamples.all();
        received = new TreeMap<>();
        for (JsonNode sample : samples) {
            for (String consumer : routing.consumersOf(DeliveredEvent.of(sample))) {
                received.computeIfAbsent(consumer, key -> new TreeSet<>()).add(GoldenSamples.eventType(sample));
            }
        }
    }

    static Stream<Arguments> expectations() {
        return new TreeMap<>(MUST_RECEIVE).entrySet().stream()
                .map(expected -> Arguments.of(expected.getKey(), new TreeSet<>(expected.getValue())));
    }

    static Stream<String> eventTypes() {
        return new TreeSet<>(EVERY_EVENT).stream();
    }

    @ParameterizedTest(name = "{0} receives exactly {1}")
    @MethodSource("expectations")
    void each_consumer_receives_exactly_the_events_it_handles(String consumer, Set<String> mustReceive) {
        assertThat(received.getOrDefault(consumer, Set.of()))
                .as("the event types the template routes to %s", consumer)
                .containsExactlyInAnyOrderElementsOf(mustReceive);
    }

    @Test
    void every_rule_listens_on_the_shop_bus_and_delivers_only_to_consumers_in_the_table() {
        assertThat(routing.rules()).as("the template's event rules").isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.busId())
                        .as("the bus %s listens on (shop events are only ever put on the shop bus)", rule.logicalId())
                        .isEqualTo(ShopBusRouting.SHOP_BUS))
                .allSatisfy(rule -> assertThat(rule.consumers())
                        .as("the consumers of %s: a new rule or target needs an expectation in this test", rule.logicalId())
                        .isNotEmpty()
                        .isSubsetOf(MUST_RECEIVE.keySet()));
        assertThat(routing.consumers()).as("every consumer in the table is the target of some rule")
                .containsExactlyInAnyOrderElementsOf(MUST_RECEIVE.keySet());
    }

    @ParameterizedTest(name = "{0} from any other producer reaches only the journal")
    @MethodSource("eventTypes")
    void an_event_from_the_wrong_producer_reaches_only_the_journal(String eventType) {
        JsonNode sample = sampleOf(eventType);
        Map<String, Set<String>> reached = new TreeMap<>();
        for (String source : SHOP_SOURCES) {
            if (!source.equals(GoldenSamples.source(sample))) {
                reached.put(source, routing.consumersOf(DeliveredEvent.of(sample, source, eventType)));
            }
        }

        assertThat(reached).as("who receives %s when it comes from the wrong shop service", eventType)
                .allSatisfy((source, consumers) -> assertThat(consumers).as("%s from %s", eventType, source)
                        .containsExactly(JOURNAL));
    }

    @Test
    void an_order_placed_from_the_payment_service_reaches_only_the_journal() {
        String spoofed = DeliveredEvent.of(sampleOf("OrderPlaced"), "shop.payments", "OrderPlaced");

        assertThat(routing.consumersOf(spoofed)).as("no stock is reserved and no customer is told")
                .containsExactly(JOURNAL);
    }

    @Test
    void an_event_type_no_service_handles_reaches_only_the_journal() {
        String unknown = DeliveredEvent.of(sampleOf("OrderPlaced"), "shop.orders", "OrderPlacedTwice");

        assertThat(routing.consumersOf(unknown)).containsExactly(JOURNAL);
    }

    @Test
    void an_event_from_outside_the_shop_reaches_nobody() {
        String foreign = DeliveredEvent.of(sampleOf("OrderPlaced"), "partner.orders", "OrderPlaced");

        assertThat(routing.consumersOf(foreign)).as("not even the journal, which keeps shop events").isEmpty();
    }

    @Test
    void the_customer_is_told_of_exactly_the_events_the_notification_service_has_a_message_for() {
        List<String> withAMessage = CustomerMessages.EVENT_TYPES.stream().map(EventTypes::eventTypeOf).toList();

        assertThat(MUST_RECEIVE.get("NotifyCustomerFunction")).containsExactlyInAnyOrderElementsOf(withAMessage);
    }

    @Test
    void the_golden_samples_cover_every_event_type_the_shop_speaks() {
        assertThat(samples.stream().map(GoldenSamples::eventType).collect(Collectors.toSet()))
                .as("the routing is proven only for event types with a golden sample in %s", GoldenSamples.folder())
                .containsExactlyInAnyOrderElementsOf(EVERY_EVENT);
        assertThat(samples).allSatisfy(sample -> assertThat(GoldenSamples.source(sample)).isIn(SHOP_SOURCES));
    }

    private static JsonNode sampleOf(String eventType) {
        return samples.stream().filter(sample -> GoldenSamples.eventType(sample).equals(eventType)).findFirst()
                .orElseThrow(() -> new AssertionError("no golden sample of " + eventType + " in " + GoldenSamples.folder()));
    }
}
