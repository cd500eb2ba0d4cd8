package com.example.shop.payment.handler;

import com.example.shop.events.Announces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log line a payment handler writes for each event its use case's outcome announces. */
final class PaymentLog {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentLog.class);

    private PaymentLog() {
    }

    /** Names each event the outcome announces and the outcome it comes from; the consumer publishes them next. */
    static void announcing(Announces outcome) {
        outcome.announcements().forEach(event -> LOG.info("Announced {} {} ({})", event.metadata().eventType(),
                event.eventId(), outcome.getClass().getSimpleName()));
    }
}
