package com.example.shop.notification.domain;

/**
 * One short text message (SMS) to a customer about their order.
 *
 * <p>It names the customer rather than a phone number: the shop does not collect phone numbers,
 * so resolving the customer's verified mobile number is the SMS gateway's business.
 *
 * @param notificationId the notification it carries; a gateway texts each id once
 * @param orderId the order it is about
 * @param customerId the recipient
 * @param text at most {@value #MAX_LENGTH} characters
 */
public record TextMessage(String notificationId, String orderId, String customerId, String text) {

    /** The length of one SMS segment with the GSM alphabet. */
    public static final int MAX_LENGTH = 160;

    public TextMessage {
        Text.requireNonBlank(notificationId, "notificationId");
        Text.requireNonBlank(orderId, "orderId");
        Text.requireNonBlank(customerId, "customerId");
        Text.requireNonBlank(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("text must fit one SMS of " + MAX_LENGTH + " characters but has "
                    + text.length());
        }
    }
}
