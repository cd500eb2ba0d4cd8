package com.example.shop.notification.testing;

import com.example.shop.notification.domain.CustomerNotification;
import com.example.shop.notification.domain.CustomerNotifications;

import java.util.ArrayList;
import java.util.List;

/** Records every published notification; can be told to fail the next publish, as a failing topic would. */
public final class InMemoryCustomerNotifications implements CustomerNotifications {

    private final List<CustomerNotification> published = new ArrayList<>();
    private int failuresToCome;

    @Override
    public synchronized void publish(CustomerNotification notification) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IllegalStateException("simulated topic failure");
        }
        published.add(notification);
    }

    public synchronized void failNext(int times) {
        failuresToCome = times;
    }

    public synchronized List<CustomerNotification> published() {
        return List.copyOf(published);
    }
}
