package com.example.shop.notification.domain;

/**
 * The shop's outgoing mail service. It sends what it is given, every time it is called: it has
 * no memory of earlier sends, which is why {@link SendEmail} guards each call with a
 * {@link DeliveryLog} claim.
 */
public interface EmailSender {

    /**
     * Hands one e-mail over for delivery.
     *
     * @return the mail service's id of the accepted message
     * @throws RuntimeException when the mail service did not accept it (the caller retries)
     */
    String send(OutgoingEmail email);
}
