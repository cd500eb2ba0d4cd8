package com.example.shop.notification.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventTypes;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.OrderScoped;


/**
 * Tells a customer what just happened to their order: renders the customer message for an order
 * event and publishes it as a {@link CustomerNotification} for every channel.
 *
 * <p>{@code OrderPlaced} is the only event that carries the customer's address, so handling it
 * also remembers the order's {@link CustomerContact}; every other event is addressed from that
 * memory. Repeating a call for the same event repeats the same effect: the contact written is the
 * same, and the notification is the same one (same id), which the channels deliver once.
 */
public record NotifyCustomer(ContactBook contacts, CustomerMessages messages, CustomerNotifications notifications) {

    /**
     * Notifies the customer of one order event.
     *
     * @param event a customer-facing event (see {@link CustomerMessages#EVENT_TYPES})
     * @param notificationId the notification's id, derived from the event's id by the caller
     * @return the notification that was published
     * @throws ContactNotYetKnownException when the event is not {@code OrderPlaced} and the order's
     *         {@code OrderPlaced} has not been handled yet (retry later)
     */
    public CustomerNotification notify(DomainEvent event, String notificationId, String correlationId) {
        if (!(event instanceof OrderScoped order)) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not about an order");
        }
        String eventType = EventTypes.eventTypeOf(event.getClass());
        CustomerContact contact = contactFor(event, order, eventType);
        RenderedMessage message = messages.render(event);
        CustomerNotification notification = new CustomerNotification(notificationId, order.orderId(),
                order.customerId(), contact.email(), message.subject(), message.body(), eventType, correlationId);
        notifications.publish(notification);
        return notification;
    }

    private CustomerContact contactFor(DomainEvent event, OrderScoped order, String eventType) {
        if (event instanceof OrderPlaced placed) {
            CustomerContact contact = new CustomerContact(placed.orderId(), placed.customerId(), placed.customerEmail());
            // Written before publishing: once any notification of the order is out, its later
            // events find the address.
            contacts.remember(contact);
            return contact;
        }
        return contacts.find(order.orderId())
                .orElseThrow(() -> new ContactNotYetKnownException(order.orderId(), eventType));
    }
}
