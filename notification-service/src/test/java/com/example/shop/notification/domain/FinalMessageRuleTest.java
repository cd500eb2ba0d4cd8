package com.example.shop.notification.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemoryContactBook;
import com.example.shop.notification.testing.InMemoryCustomerNotifications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The final-message rule of decision record 0002, told as the customer's inbox: every terminal
 * outcome ends with exactly one final message, also when every event is delivered twice, and a
 * progress message that arrives after a final message that ended the order is not sent.
 */
class FinalMessageRuleTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";
    /** The final message of each terminal outcome. */
    private static final Set<String> FINAL_MESSAGES = Set.of("ShipmentScheduled", "StockUnavailable",
            "PaymentDeclined", "PaymentFailed", "OrderCancelled", "ShipmentFailed");

    private final InMemoryContactBook contacts = new InMemoryContactBook();
    private final InMemoryCustomerNotifications topic = new InMemoryCustomerNotifications();
    private final NotifyCustomer notifyCustomer = notifyCustomerAt(Fixtures.CLOCK);

    private NotifyCustomer notifyCustomerAt(Clock clock) {
        return new NotifyCustomer(contacts, CustomerMessages.fromClasspath(), topic, clock);
    }

    private static DomainEvent golden(String eventType) {
        return CODEC.readDetail(GoldenSamples.json(eventType)).orElseThrow().data();
    }

    private NotificationOutcome deliver(String eventType) {
        return notifyCustomer.notify(golden(eventType), "n-" + eventType, "corr-1");
    }

    /** What the customer received: one entry per notification id (the channels deliver each id once). */
    private Map<String, CustomerNotification> inbox() {
        Map<String, CustomerNotification> byId = new LinkedHashMap<>();
        for (CustomerNotification notification : topic.published()) {
            CustomerNotification earlier = byId.putIfAbsent(notification.notificationId(), notification);
            if (earlier != null) {
                assertThat(notification).as("a repeat is the same notification").isEqualTo(earlier);
            }
        }
        return byId;
    }

    private List<String> received() {
        return inbox().values().stream().map(CustomerNotification::eventType).toList();
    }

    static Stream<Arguments> terminalOutcomes() {
        return Stream.of(
                Arguments.of("shipped", List.of("OrderPlaced", "PaymentCharged", "ShipmentScheduled"),
                        List.of("OrderPlaced", "PaymentCharged", "ShipmentScheduled")),
                Arguments.of("rejected", List.of("OrderPlaced", "StockUnavailable"),
                        List.of("OrderPlaced", "StockUnavailable")),
                Arguments.of("declined", List.of("OrderPlaced", "PaymentDeclined"),
                        List.of("OrderPlaced", "PaymentDeclined")),
                Arguments.of("payment failed", List.of("OrderPlaced", "PaymentFailed"),
                        List.of("OrderPlaced", "PaymentFailed")),
                Arguments.of("cancelled while fulfilment was in flight",
                        List.of("OrderPlaced", "PaymentCharged", "OrderCancelled", "ShipmentScheduled", "PaymentRefunded"),
                        List.of("OrderPlaced", "PaymentCharged", "OrderCancelled", "PaymentRefunded")),
                Arguments.of("shipment failed",
                        List.of("OrderPlaced", "PaymentCharged", "ShipmentFailed", "PaymentRefunded"),
                        List.of("OrderPlaced", "PaymentCharged", "ShipmentFailed", "PaymentRefunded")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terminalOutcomes")
    void every_terminal_outcome_sends_exactly_one_final_message_even_when_every_event_comes_twice(
            String outcome, List<String> events, List<String> expectedInbox) {
        for (String eventType : events) {
            deliver(eventType);
            deliver(eventType);
        }

        assertThat(received()).isEqualTo(expectedInbox);
        assertThat(received()).filteredOn(FINAL_MESSAGES::contains).hasSize(1);
    }

    @Test
    void a_cancelled_order_whose_shipment_scheduled_arrives_after_the_cancel_sends_no_on_its_way() {
        deliver("OrderPlaced");
        deliver("OrderCancelled");

        NotificationOutcome late = deliver("ShipmentScheduled");

        assertThat(late).isEqualTo(new NotificationOutcome.Skipped(ORDER_ID, "ShipmentScheduled",
                new Closure("n-OrderCancelled", "OrderCancelled")));
        assertThat(received()).containsExactly("OrderPlaced", "OrderCancelled");
        assertThat(inbox().values()).noneMatch(n -> n.subject().contains("on its way"));
    }

    @Test
    void a_payment_charged_after_the_cancel_is_not_sent_but_the_refund_note_is() {
        deliver("OrderPlaced");
        deliver("OrderCancelled");

        assertThat(deliver("PaymentCharged")).isInstanceOf(NotificationOutcome.Skipped.class);
        assertThat(deliver("PaymentRefunded")).isInstanceOf(NotificationOutcome.Published.class);

        assertThat(received()).containsExactly("OrderPlaced", "OrderCancelled", "PaymentRefunded");
    }

    @Test
    void a_second_final_message_for_an_ended_order_is_not_sent() {
        deliver("OrderPlaced");
        deliver("PaymentCharged");
        deliver("ShipmentFailed");

        NotificationOutcome second = deliver("OrderCancelled");

        assertThat(second).isEqualTo(new NotificationOutcome.Skipped(ORDER_ID, "OrderCancelled",
                new Closure("n-ShipmentFailed", "ShipmentFailed")));
        assertThat(received()).containsExactly("OrderPlaced", "PaymentCharged", "ShipmentFailed");
        assertThat(contacts.closedBy(ORDER_ID)).contains(new Closure("n-ShipmentFailed", "ShipmentFailed"));
    }

    @Test
    void a_final_message_whose_publish_failed_is_published_when_it_comes_again() {
        deliver("OrderPlaced");
        topic.failNext(1);

        assertThatThrownBy(() -> deliver("PaymentFailed")).isInstanceOf(IllegalStateException.class);
        NotificationOutcome retried = deliver("PaymentFailed");

        assertThat(retried).isInstanceOf(NotificationOutcome.Published.class);
        assertThat(received()).containsExactly("OrderPlaced", "PaymentFailed");
    }

    @Test
    void a_final_message_waits_while_a_progress_message_is_being_handed_over() {
        deliver("OrderPlaced");
        contacts.progressClaimedElsewhere(ORDER_ID, "n-ShipmentScheduled", Fixtures.NOW.minusSeconds(1));

        assertThatThrownBy(() -> deliver("OrderCancelled"))
                .isInstanceOf(HandOverInProgressException.class)
                .hasMessageContaining(ORDER_ID).hasMessageContaining("OrderCancelled");
        assertThat(received()).containsExactly("OrderPlaced");
        assertThat(contacts.closedBy(ORDER_ID)).isEmpty();
    }

    @Test
    void a_final_message_handled_while_the_order_confirmation_is_being_handed_over_waits_for_it() {
        // A cancel handled by another attempt while OrderPlaced's confirmation is on its way to the
        // topic: the confirmation must not arrive after the cancellation, the customer's last word.
        List<Throwable> meanwhile = new java.util.ArrayList<>();
        CustomerNotifications slowTopic = notification -> {
            if (notification.eventType().equals("OrderPlaced")) {
                try {
                    deliver("OrderCancelled");
                } catch (HandOverInProgressException waits) {
                    meanwhile.add(waits);
                }
            }
            topic.publish(notification);
        };

        new NotifyCustomer(contacts, CustomerMessages.fromClasspath(), slowTopic, Fixtures.CLOCK)
                .notify(golden("OrderPlaced"), "n-OrderPlaced", "corr-1");

        assertThat(meanwhile).as("the cancel met the confirmation's claim").singleElement()
                .isInstanceOf(HandOverInProgressException.class);
        assertThat(deliver("OrderCancelled")).isInstanceOf(NotificationOutcome.Published.class);
        assertThat(received()).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void an_order_confirmation_redelivered_after_the_order_ended_is_not_sent_again() {
        deliver("OrderPlaced");
        deliver("StockUnavailable");

        assertThat(deliver("OrderPlaced")).isInstanceOf(NotificationOutcome.Skipped.class);
        assertThat(received()).containsExactly("OrderPlaced", "StockUnavailable");
    }

    @Test
    void a_final_message_takes_over_from_a_progress_claim_whose_attempt_died() {
        deliver("OrderPlaced");
        contacts.progressClaimedElsewhere(ORDER_ID, "n-ShipmentScheduled", Fixtures.NOW);
        NotifyCustomer aMinuteLater = notifyCustomerAt(Clock.offset(Fixtures.CLOCK,
                NotifyCustomer.CLAIM_TIMEOUT.plus(Duration.ofSeconds(1))));

        NotificationOutcome cancelled = aMinuteLater.notify(golden("OrderCancelled"), "n-OrderCancelled", "corr-1");

        assertThat(cancelled).isInstanceOf(NotificationOutcome.Published.class);
        assertThat(aMinuteLater.notify(golden("ShipmentScheduled"), "n-ShipmentScheduled", "corr-1"))
                .isInstanceOf(NotificationOutcome.Skipped.class);
        assertThat(received()).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void a_progress_message_gives_its_claim_back_whether_or_not_it_was_published() {
        deliver("OrderPlaced");
        topic.failNext(1);

        assertThatThrownBy(() -> deliver("PaymentCharged")).isInstanceOf(IllegalStateException.class);
        deliver("PaymentCharged");
        NotificationOutcome cancelled = deliver("OrderCancelled");

        assertThat(cancelled).as("not held back by the failed or the published progress message")
                .isInstanceOf(NotificationOutcome.Published.class);
        assertThat(received()).containsExactly("OrderPlaced", "PaymentCharged", "OrderCancelled");
    }

    @Test
    void a_final_message_before_its_order_placed_is_refused_until_the_contact_is_known() {
        assertThatThrownBy(() -> deliver("ShipmentFailed"))
                .isInstanceOf(ContactNotYetKnownException.class)
                .hasMessageContaining(ORDER_ID).hasMessageContaining("ShipmentFailed");
        assertThat(topic.published()).isEmpty();

        deliver("OrderPlaced");

        assertThat(deliver("ShipmentFailed")).isInstanceOf(NotificationOutcome.Published.class);
        assertThat(received()).containsExactly("OrderPlaced", "ShipmentFailed");
    }

    @Test
    void every_customer_facing_event_plays_a_part_in_the_rule() {
        assertThat(CustomerMessages.EVENT_TYPES).allSatisfy(type -> assertThat(MessageKind.of(
                golden(type.getSimpleName()))).isNotNull());
        assertThat(Stream.of("StockUnavailable", "PaymentDeclined", "PaymentFailed", "OrderCancelled", "ShipmentFailed")
                .map(type -> MessageKind.of(golden(type)))).containsOnly(MessageKind.CLOSES);
        assertThat(Stream.of("PaymentCharged", "ShipmentScheduled").map(type -> MessageKind.of(golden(type))))
                .containsOnly(MessageKind.PROGRESS);
        assertThatThrownBy(() -> MessageKind.of(golden("StockReserved"))).isInstanceOf(IllegalArgumentException.class);
    }
}
