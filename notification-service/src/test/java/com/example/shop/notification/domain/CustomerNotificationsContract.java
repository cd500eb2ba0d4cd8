package com.example.shop.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.shop.notification.testing.Fixtures;

/**
 * What every {@link CustomerNotifications} keeps, the in-memory fake and the SNS topic alike: a
 * published notification reaches the e-mail subscriber whole, once per publish.
 */
public abstract class CustomerNotificationsContract {

    /** A topic nobody has published to yet. */
    protected abstract CustomerNotifications topic();

    /** What the e-mail subscriber has received, read back whole; waits for {@code expected} at most briefly. */
    protected abstract List<CustomerNotification> receivedByEmailSubscriber(int expected);

    @Test
    void a_published_notification_reaches_the_email_subscriber_whole() {
        CustomerNotification placed = Fixtures.notification("n-contract-placed", "OrderPlaced");

        topic().publish(placed);

        assertThat(receivedByEmailSubscriber(1)).containsExactly(placed);
    }

    @Test
    void every_publish_is_one_delivery_whatever_the_event_type() {
        CustomerNotifications topic = topic();
        CustomerNotification placed = Fixtures.notification("n-contract-1", "OrderPlaced");
        CustomerNotification shipped = Fixtures.notification("n-contract-2", "ShipmentScheduled");

        topic.publish(placed);
        topic.publish(shipped);

        assertThat(receivedByEmailSubscriber(2)).containsExactlyInAnyOrder(placed, shipped);
    }
}
