package com.example.shop.notification.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventTypes;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.SampleEvents;
import com.example.shop.events.codec.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped templates rendered with the producers' golden samples, one per customer-facing event. */
class CustomerMessagesTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";

    private final CustomerMessages messages = CustomerMessages.fromClasspath();

    static Stream<String> customerFacingTypes() {
        return CustomerMessages.EVENT_TYPES.stream().map(EventTypes::eventTypeOf);
    }

    private static DomainEvent golden(String eventType) {
        return CODEC.readDetail(GoldenSamples.json(eventType)).orElseThrow().data();
    }

    @ParameterizedTest
    @MethodSource("customerFacingTypes")
    void every_customer_facing_event_renders_with_every_placeholder_filled(String eventType) {
        DomainEvent event = golden(eventType);

        RenderedMessage message = messages.render(event);

        assertThat(CustomerMessages.valuesOf(event)).containsKeys(
                messages.templateFor(event).placeholders().toArray(String[]::new));
        assertThat(message.subject()).contains(ORDER_ID).doesNotContain("{{");
        assertThat(message.body()).contains(ORDER_ID).doesNotContain("{{").endsWith("Your Serverless Shop\n");
    }

    @Test
    void order_placed_lists_the_lines_the_total_and_the_address() {
        RenderedMessage message = messages.render(golden("OrderPlaced"));

        assertThat(message.subject()).isEqualTo("We have your order " + ORDER_ID);
        assertThat(message.body()).isEqualTo("""
                Hello Erika Mustermann,

                thank you for your order %s. We are putting your items aside now
                and will write again as soon as your payment has gone through.

                What you ordered:
                  2 x prod-espresso-beans-1kg at EUR 18.90 = EUR 37.80
                  1 x prod-ceramic-mug-350ml at EUR 12.50 = EUR 12.50

                Total: EUR 50.30

                We will ship it to:
                  Erika Mustermann
                  Hauptstraße 5
                  2. OG links
                  10115 Berlin
                  DE

                Your Serverless Shop
                """.formatted(ORDER_ID));
    }

    @Test
    void an_address_without_second_line_leaves_no_empty_line() {
        RenderedMessage message = messages.render(SampleEvents.orderPlaced());

        assertThat(message.body()).contains("  Hauptstraße 5\n  10115 Berlin\n");
    }

    @Test
    void stock_unavailable_names_each_short_product_with_requested_and_available_units() {
        RenderedMessage message = messages.render(golden("StockUnavailable"));

        assertThat(message.subject()).isEqualTo("We could not fulfil your order " + ORDER_ID);
        assertThat(message.body()).contains("  prod-espresso-beans-1kg: you asked for 2, we have 1\n");
    }

    @Test
    void payment_charged_confirms_the_amount() {
        RenderedMessage message = messages.render(golden("PaymentCharged"));

        assertThat(message.subject()).isEqualTo("Payment received for your order " + ORDER_ID);
        assertThat(message.body()).contains("your payment of EUR 50.30 for order " + ORDER_ID)
                .contains("(payment reference pay-9d8c7b6a5f4e)");
    }

    @Test
    void payment_declined_gives_the_amount_and_the_providers_reason() {
        RenderedMessage message = messages.render(golden("PaymentDeclined"));

        assertThat(message.subject()).isEqualTo("Your payment for order " + ORDER_ID + " was declined");
        assertThat(message.body()).contains("we could not charge EUR 50.30 for your order " + ORDER_ID)
                .contains("Your payment provider gave this reason: insufficient funds.");
    }

    @Test
    void payment_failed_says_the_provider_stayed_unavailable_and_nothing_was_kept_without_the_operators_reason() {
        RenderedMessage message = messages.render(golden("PaymentFailed"));

        assertThat(message.subject()).isEqualTo("We could not take your payment for order " + ORDER_ID);
        assertThat(message.body()).contains("our payment\nprovider stayed unavailable")
                .contains("The order did not go ahead and we have kept no money for it.")
                .doesNotContain("attempts");
    }

    @Test
    void shipment_failed_gives_the_carriers_reason_the_refund_and_the_end_of_the_order() {
        RenderedMessage message = messages.render(golden("ShipmentFailed"));

        assertThat(message.subject()).isEqualTo("We cannot deliver your order " + ORDER_ID);
        assertThat(message.body()).contains("Our carrier gave this reason: no carrier delivers to AQ.")
                .contains("We are refunding your payment in full")
                .contains("The order has been ended");
    }

    @Test
    void payment_refunded_agrees_with_any_final_message_of_an_order_that_did_not_go_ahead() {
        RenderedMessage message = messages.render(golden("PaymentRefunded"));

        assertThat(message.body()).contains("for your order " + ORDER_ID + ", which did not go\nahead")
                .doesNotContain("cancelled");
    }

    @Test
    void shipment_scheduled_gives_carrier_tracking_number_and_delivery_day() {
        RenderedMessage message = messages.render(golden("ShipmentScheduled"));

        assertThat(message.subject()).isEqualTo("Your order " + ORDER_ID
                + " is on its way with DHL, tracking JJD000390007805221913");
        assertThat(message.body()).contains("has been handed to DHL.")
                .contains("Tracking number: JJD000390007805221913\n")
                .contains("Expected delivery: Tuesday, 1 December 2026\n");
    }

    @Test
    void order_cancelled_repeats_the_reason() {
        RenderedMessage message = messages.render(golden("OrderCancelled"));

        assertThat(message.subject()).isEqualTo("Your order " + ORDER_ID + " is cancelled");
        assertThat(message.body()).contains("has been cancelled (customer changed their mind).");
    }

    @Test
    void payment_refunded_gives_the_amount_and_the_refund_reference() {
        RenderedMessage message = messages.render(golden("PaymentRefunded"));

        assertThat(message.subject()).isEqualTo("Refund of EUR 50.30 for your order " + ORDER_ID);
        assertThat(message.body()).contains("(refund reference ref-4b1e8c0d2a)");
    }

    @Test
    void internal_saga_steps_are_not_customer_facing() {
        DomainEvent reserved = golden("StockReserved");

        assertThat(CustomerMessages.isCustomerFacing(reserved.getClass())).isFalse();
        assertThatThrownBy(() -> messages.render(reserved))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StockReserved");
    }

    @Test
    void a_missing_template_is_refused_when_the_messages_are_built() {
        Map<String, MessageTemplate> templates = new HashMap<>();
        templates.put("OrderPlaced", MessageTemplate.parse("OrderPlaced", "Subject: x\n\ny\n"));

        assertThatThrownBy(() -> new CustomerMessages(templates))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ShipmentScheduled").hasMessageContaining("PaymentRefunded");
    }
}
