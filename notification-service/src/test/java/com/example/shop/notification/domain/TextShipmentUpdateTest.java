package com.example.shop.notification.domain;

import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemorySmsGateway;
import com.example.shop.events.SampleEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextShipmentUpdateTest {

    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";
    private static final String CUSTOMER_ID = "c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17";

    private final InMemorySmsGateway gateway = new InMemorySmsGateway();
    private final TextShipmentUpdate textShipmentUpdate = new TextShipmentUpdate(gateway);

    @Test
    void a_shipment_update_is_texted_with_its_subject() {
        TextOutcome outcome = textShipmentUpdate.text(Fixtures.notification("n-1", "ShipmentScheduled"));

        TextMessage expected = new TextMessage("n-1", ORDER_ID, CUSTOMER_ID, "Subject of ShipmentScheduled");
        assertThat(outcome).isEqualTo(new TextOutcome.Texted(expected));
        assertThat(gateway.texts()).containsExactly(expected);
    }

    @Test
    void a_shipment_update_delivered_again_is_not_texted_again() {
        textShipmentUpdate.text(Fixtures.notification("n-1", "ShipmentScheduled"));

        TextOutcome again = textShipmentUpdate.text(Fixtures.notification("n-1", "ShipmentScheduled"));

        assertThat(again).isEqualTo(new TextOutcome.AlreadyTexted("n-1"));
        assertThat(gateway.texts()).hasSize(1);
    }

    @Test
    void any_other_notification_is_declined_without_a_text() {
        TextOutcome outcome = textShipmentUpdate.text(Fixtures.notification("n-1", "PaymentCharged"));

        assertThat(outcome).isEqualTo(new TextOutcome.NotTexted("n-1", "PaymentCharged"));
        assertThat(gateway.texts()).isEmpty();
    }

    @Test
    void a_subject_longer_than_one_sms_is_cut_to_fit() {
        CustomerNotification longOne = new CustomerNotification("n-1", ORDER_ID, CUSTOMER_ID, Fixtures.EMAIL,
                "x".repeat(200), "body", "ShipmentScheduled");

        textShipmentUpdate.text(longOne);

        assertThat(gateway.texts()).singleElement().satisfies(text -> {
            assertThat(text.text()).hasSize(TextMessage.MAX_LENGTH).endsWith("xx...");
        });
    }

    @Test
    void the_real_shipment_subject_fits_one_sms() {
        String subject = CustomerMessages.fromClasspath()
                .render(SampleEvents.shipmentScheduled()).subject();

        assertThat(subject).hasSizeLessThanOrEqualTo(TextMessage.MAX_LENGTH);
    }
}
