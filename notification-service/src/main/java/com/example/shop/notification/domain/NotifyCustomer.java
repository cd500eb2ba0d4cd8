package com.example.shop.notification.domain;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventTypes;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.OrderScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells a customer what just happened to their order: renders the customer message for an order
 * event and publishes it as a {@link CustomerNotification} for every channel, keeping the
 * final-message rule of decision record 0002.
 *
 * <p>{@code OrderPlaced} is the only event that carries the customer's address, so handling it
 * also remembers the order's {@link CustomerContact}; every other event is addressed from that
 * memory. What happens next depends on the part the message plays ({@link MessageKind}):
 * <ul>
 *   <li>a final message of an order that does not go ahead first closes the order in the
 *       {@link ContactBook}, then is handed over; if another final message closed the order
 *       first, it is skipped, so each order gets exactly one final message;</li>
 *   <li>a progress message ({@code PaymentCharged}, {@code ShipmentScheduled}) is handed over
 *       only under a claim granted while the order is not closed, and skipped once it is: the
 *       cancelled customer's last word is never "on its way";</li>
 *   <li>{@code OrderPlaced}'s confirmation first remembers the contact, then is handed over like a
 *       progress message, under a claim: a final message handled meanwhile waits for it, so the
 *       confirmation never arrives after the order's end (and a confirmation redelivered after
 *       the end is skipped);</li>
 *   <li>the refund note is always handed over.</li>
 * </ul>
 * The closing and the claim are conditional writes on the order's one contact entry, so the
 * outcome does not depend on which attempt runs faster. Repeating a call for the same event
 * repeats the same effect: the contact written is the same, an order closed by this message
 * stays closed by it, and the notification is the same one (same id), which the channels deliver
 * once.
 */
public record NotifyCustomer(ContactBook contacts, CustomerMessages messages, CustomerNotifications notifications,
                             Clock clock) {

    /**
     * How long a progress claim holds final messages back: three times the function timeout of
     * 20 s, so a claim is never taken over while its attempt may still be handing its message over.
     */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Notifies the customer of one order event, unless the final-message rule says it must not.
     *
     * @param event a customer-facing event (see {@link CustomerMessages#EVENT_TYPES})
     * @param notificationId the notification's id, derived from the event's id by the caller
     * @return the notification that was published, or why nothing was
     * @throws ContactNotYetKnownException when the event is not {@code OrderPlaced} and the order's
     *         {@code OrderPlaced} has not been handled yet (retry later)
     * @throws HandOverInProgressException when a progress message of the order is being handed
     *         over by another attempt (retry later)
     */
    public NotificationOutcome notify(DomainEvent event, String notificationId, String correlationId) {
        if (!(event instanceof OrderScoped order)) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not about an order");
        }
        String eventType = EventTypes.eventTypeOf(event.getClass());
        Message message = new Message(order, eventType, messages.render(event), notificationId, correlationId);
        Instant now = clock.instant();
        return switch (MessageKind.of(event)) {
            case OPENS -> {
                remember((OrderPlaced) event);
                yield underClaim(message, now);
            }
            case NOTE -> publish(message, contacts.find(order.orderId())
                    .orElseThrow(() -> new ContactNotYetKnownException(order.orderId(), eventType)));
            case CLOSES -> switch (contacts.close(order.orderId(), new Closure(notificationId, eventType), now,
                    now.minus(CLAIM_TIMEOUT))) {
                case HandOver.Granted granted -> publish(message, granted.contact());
                case HandOver.Closed closed -> new NotificationOutcome.Skipped(order.orderId(), eventType, closed.by());
                case HandOver.ProgressInFlight inFlight -> throw inProgress(message, inFlight);
                case HandOver.ContactUnknown _ -> throw new ContactNotYetKnownException(order.orderId(), eventType);
            };
            case PROGRESS -> underClaim(message, now);
        };
    }

    private void remember(OrderPlaced placed) {
        // Written before publishing: once any notification of the order is out, its later
        // events find the address.
        contacts.remember(new CustomerContact(placed.orderId(), placed.customerId(), placed.customerEmail()));
    }

    /** Hands a message over under a progress claim: after the order's close, it is skipped. */
    private NotificationOutcome underClaim(Message message, Instant now) {
        String orderId = message.order().orderId();
        return switch (contacts.claimProgress(orderId, message.notificationId(), now, now.minus(CLAIM_TIMEOUT))) {
            case HandOver.Granted granted -> publishUnderClaim(message, granted);
            case HandOver.Closed closed -> new NotificationOutcome.Skipped(orderId, message.eventType(), closed.by());
            case HandOver.ProgressInFlight inFlight -> throw inProgress(message, inFlight);
            case HandOver.ContactUnknown _ -> throw new ContactNotYetKnownException(orderId, message.eventType());
        };
    }

    private NotificationOutcome publishUnderClaim(Message message, HandOver.Granted claim) {
        NotificationOutcome published;
        try {
            published = publish(message, claim.contact());
        } catch (RuntimeException notPublished) {
            try {
                contacts.releaseProgress(message.notificationId(), claim);
            } catch (RuntimeException releaseFailed) {
                // The claim then simply expires after CLAIM_TIMEOUT; the publish failure is what matters.
                notPublished.addSuppressed(releaseFailed);
            }
            throw notPublished;
        }
        // Released only now: a final message handled meanwhile waited, so it is handed over after this one.
        contacts.releaseProgress(message.notificationId(), claim);
        return published;
    }

    private NotificationOutcome publish(Message message, CustomerContact contact) {
        CustomerNotification notification = new CustomerNotification(message.notificationId(),
                message.order().orderId(), message.order().customerId(), contact.email(), message.rendered().subject(),
                message.rendered().body(), message.eventType(), message.correlationId());
        notifications.publish(notification);
        return new NotificationOutcome.Published(notification);
    }

    private static HandOverInProgressException inProgress(Message message, HandOver.ProgressInFlight inFlight) {
        return new HandOverInProgressException(message.order().orderId(), message.eventType(), inFlight.claimedAt());
    }

    /** One event's message on its way to a notification. */
    private record Message(OrderScoped order, String eventType, RenderedMessage rendered, String notificationId,
                           String correlationId) {
    }
}
