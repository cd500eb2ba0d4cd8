package com.example.shop.notification.domain;


/**
 * Texts a customer when their parcel is on its way: the SMS channel, which carries shipment
 * updates only.
 *
 * <p>The text is the notification's subject, which every template writes as a line that stands
 * on its own (for a shipment: order, carrier and tracking number). The topic subscription's filter
 * policy already lets only {@value #EVENT_TYPE} notifications through to this channel; the check
 * here is the second lock, so a widened filter can never start texting customers about
 * everything.
 */
public record TextShipmentUpdate(SmsGateway gateway) {

    /** The only notification type that is texted. */
    public static final String EVENT_TYPE = "ShipmentScheduled";

    /** Texts the notification if it is a shipment update and has not been texted before. */
    public TextOutcome text(CustomerNotification notification) {
        if (!EVENT_TYPE.equals(notification.eventType())) {
            return new TextOutcome.NotTexted(notification.notificationId(), notification.eventType());
        }
        TextMessage message = new TextMessage(notification.notificationId(), notification.orderId(),
                notification.customerId(), shorten(notification.subject()));
        return gateway.sendOnce(message)
                ? new TextOutcome.Texted(message)
                : new TextOutcome.AlreadyTexted(notification.notificationId());
    }

    private static String shorten(String subject) {
        return subject.length() <= TextMessage.MAX_LENGTH
                ? subject
                // Three dots, not an ellipsis character: that is outside the GSM alphabet and would
                // cut the segment to 70 characters.
                : subject.substring(0, TextMessage.MAX_LENGTH - 3) + "...";
    }
}
