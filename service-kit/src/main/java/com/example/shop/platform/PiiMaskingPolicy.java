package com.example.shop.platform;

import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * The log4j rewrite policy ({@code <PiiMasking/>} in {@code log4j2.xml}) that passes every log
 * event's message and exception messages through {@link PiiMask} before any appender sees it.
 *
 * <p>An exception whose message (or whose cause's message) held personal data is replaced by a
 * {@link MaskedException} with the masked text, the original class name and the same stack
 * trace; every other exception is logged as it is.
 */
@Plugin(name = "PiiMasking", category = Core.CATEGORY_NAME, elementType = "rewritePolicy", printObject = true)
public final class PiiMaskingPolicy implements RewritePolicy {

    @PluginFactory
    public static PiiMaskingPolicy create() {
        return new PiiMaskingPolicy();
    }

    @Override
    public LogEvent rewrite(LogEvent event) {
        String message = event.getMessage().getFormattedMessage();
        String maskedMessage = PiiMask.mask(message);
        Throwable thrown = event.getThrown();
        Throwable maskedThrown = mask(thrown);
        if (maskedMessage == message && maskedThrown == thrown) {
            return event;
        }
        return new Log4jLogEvent.Builder(event).setMessage(new SimpleMessage(maskedMessage)).setThrown(maskedThrown)
                .build();
    }

    private static Throwable mask(Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        Throwable cause = mask(thrown.getCause());
        String message = thrown.getMessage();
        String masked = PiiMask.mask(message);
        if (masked == message && cause == thrown.getCause()) {
            return thrown;
        }
        return new MaskedException(thrown, masked, cause);
    }

    /** An exception standing in for one whose message held personal data. */
    public static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedException(Throwable original, String maskedMessage, Throwable maskedCause) {
            super(original.getClass().getName() + ": " + maskedMessage, maskedCause, false, false);
            setStackTrace(original.getStackTrace());
        }
    }
}
