package com.example.shop.payment.domain;

/**
 * The payment provider could not give an answer right now (outage, timeout, rate limit): retry
 * later. Not a decline, so nothing is recorded and no event is announced; the exception fails the
 * message, the queue redelivers it and, after its last attempt, moves it to the dead-letter queue
 * where payment gives up for good.
 */
public final class PaymentProviderUnavailableException extends RuntimeException {

    public PaymentProviderUnavailableException(String message) {
        super(message);
    }
}
