package com.example.shop.notification.testing;

import com.example.shop.notification.domain.ContactBook;
import com.example.shop.notification.domain.ContactBookContract;
import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.CustomerNotifications;
import com.example.shop.notification.domain.CustomerNotificationsContract;
import com.example.shop.notification.domain.DeliveryLog;
import com.example.shop.notification.domain.DeliveryLogContract;
import com.example.shop.notification.domain.EmailSender;
import com.example.shop.notification.domain.EmailSenderContract;
import com.example.shop.notification.domain.SmsGateway;
import com.example.shop.notification.domain.SmsGatewayContract;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory fakes keep the same port contracts as the AWS adapters they stand in for
 * ({@code NotificationAdaptersIT} runs the contracts on those).
 */
class InMemoryPortsTest {

    @Nested
    class InMemoryCustomerNotificationsKeepsTheContract extends CustomerNotificationsContract {
        private final InMemoryCustomerNotifications topic = new InMemoryCustomerNotifications();

        @Override
        protected CustomerNotifications topic() {
            return topic;
        }

        @Override
        protected java.util.List<CustomerNotification> receivedByEmailSubscriber(int expected) {
            return topic.published();
        }
    }

    @Nested
    class InMemoryContactBookKeepsTheContract extends ContactBookContract {
        @Override
        protected ContactBook emptyContactBook() {
            return new InMemoryContactBook();
        }
    }

    @Nested
    class InMemoryDeliveryLogKeepsTheContract extends DeliveryLogContract {
        @Override
        protected DeliveryLog emptyDeliveryLog() {
            return new InMemoryDeliveryLog();
        }
    }

    @Nested
    class InMemorySmsGatewayKeepsTheContract extends SmsGatewayContract {
        @Override
        protected SmsGateway freshGateway() {
            return new InMemorySmsGateway();
        }
    }

    @Nested
    class RecordingEmailSenderKeepsTheContract extends EmailSenderContract {
        @Override
        protected EmailSender sender() {
            return new RecordingEmailSender();
        }
    }
}
