package com.example.shop.notification.domain;

/**
 * One plain-text e-mail to a customer; the sender address is the shop's and belongs to the
 * {@link EmailSender}.
 *
 * @param to the customer's address
 * @param subject a single line
 * @param textBody the plain-text body
 */
public record OutgoingEmail(String to, String subject, String textBody) {

    public OutgoingEmail {
        Text.requireNonBlank(to, "to");
        Text.requireNonBlank(subject, "subject");
        Text.requireNonBlank(textBody, "textBody");
    }
}
