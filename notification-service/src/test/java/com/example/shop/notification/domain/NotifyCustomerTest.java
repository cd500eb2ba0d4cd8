package com.example.shop.notification.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.notification.testing.Fixtures;
import com.example.shop.notification.testing.InMemoryContactBook;
import com.example.shop.notification.testing.InMemoryCustomerNotifications;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyCustomerTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String ORDER_ID = "b7e4c2d1-3a5f-4e8b-9c6d-1f2a3b4c5d6e";
    private static final String CUSTOMER_ID = "c0a8012e-7f3b-4d2a-9e61-5b8f2c4d9a17";
    private static final String EMAIL = "erika.mustermann@example.com";

    private final InMemoryContactBook contacts = new InMemoryContactBook();
    private final InMemoryCustomerNotifications topic = new InMemoryCustomerNotifications();
    private final NotifyCustomer notifyCustomer = new NotifyCustomer(contacts, CustomerMessages.fromClasspath(), topic,
            Fixtures.CLOCK);

    private static DomainEvent golden(String eventType) {
        return CODEC.readDetail(GoldenSamples.json(eventType)).orElseThrow().data();
    }

    private static CustomerNotification published(NotificationOutcome outcome) {
        assertThat(outcome).isInstanceOf(NotificationOutcome.Published.class);
        return ((NotificationOutcome.Published) outcome).notification();
    }

    @Test
    void a_placed_order_remembers_the_contact_and_notifies_the_address_it_carries() {
        CustomerNotification notification = published(notifyCustomer.notify(golden("OrderPlaced"), "n-1", "corr-1"));

        assertThat(contacts.find(ORDER_ID)).contains(new CustomerContact(ORDER_ID, CUSTOMER_ID, EMAIL));
        assertThat(topic.published()).containsExactly(notification);
        assertThat(notification.notificationId()).isEqualTo("n-1");
        assertThat(notification.orderId()).isEqualTo(ORDER_ID);
        assertThat(notification.customerId()).isEqualTo(CUSTOMER_ID);
        assertThat(notification.email()).isEqualTo(EMAIL);
        assertThat(notification.eventType()).isEqualTo("OrderPlaced");
        assertThat(notification.subject()).isEqualTo("We have your order " + ORDER_ID);
    }

    @Test
    void a_later_event_is_addressed_from_the_remembered_contact() {
        notifyCustomer.notify(golden("OrderPlaced"), "n-1", "corr-1");

        CustomerNotification shipped = published(notifyCustomer.notify(golden("ShipmentScheduled"), "n-2", "corr-1"));

        assertThat(shipped.email()).isEqualTo(EMAIL);
        assertThat(shipped.eventType()).isEqualTo("ShipmentScheduled");
        assertThat(shipped.body()).contains("JJD000390007805221913");
        assertThat(topic.published()).extracting(CustomerNotification::notificationId).containsExactly("n-1", "n-2");
    }

    @Test
    void an_event_that_overtook_its_order_placed_is_refused_until_the_contact_is_known() {
        assertThatThrownBy(() -> notifyCustomer.notify(golden("PaymentCharged"), "n-2", "corr-1"))
                .isInstanceOf(ContactNotYetKnownException.class)
                .hasMessageContaining(ORDER_ID).hasMessageContaining("PaymentCharged");
        assertThat(topic.published()).isEmpty();

        notifyCustomer.notify(golden("OrderPlaced"), "n-1", "corr-1");
        CustomerNotification charged = published(notifyCustomer.notify(golden("PaymentCharged"), "n-2", "corr-1"));

        assertThat(charged.email()).isEqualTo(EMAIL);
    }

    @Test
    void notifying_the_same_event_twice_publishes_the_same_notification() {
        CustomerNotification first = published(notifyCustomer.notify(golden("OrderPlaced"), "n-1", "corr-1"));
        CustomerNotification second = published(notifyCustomer.notify(golden("OrderPlaced"), "n-1", "corr-1"));

        assertThat(second).isEqualTo(first);
        assertThat(contacts.size()).isEqualTo(1);
    }

    @Test
    void a_failing_topic_fails_the_notification() {
        topic.failNext(1);

        assertThatThrownBy(() -> notifyCustomer.notify(golden("OrderPlaced"), "n-1", "corr-1"))
                .isInstanceOf(IllegalStateException.class);
        // The contact stays: the retry and any later event find it.
        assertThat(contacts.find(ORDER_ID)).isPresent();
    }

    @Test
    void an_event_that_is_not_about_an_order_is_refused() {
        assertThatThrownBy(() -> notifyCustomer.notify(golden("ProductCreated"), "n-1", "corr-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
