package com.example.shop.notification.domain;

/**
 * The outlet for rendered customer notifications: every notification published here reaches each
 * delivery channel that wants notifications of its kind.
 */
public interface CustomerNotifications {

    /**
     * Publishes a notification. Publishing the same notification twice is allowed: channels
     * deliver each notification id once.
     */
    void publish(CustomerNotification notification);
}
