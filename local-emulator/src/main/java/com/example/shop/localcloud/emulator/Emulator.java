package com.example.shop.localcloud.emulator;

import java.net.URI;
import java.util.List;

/**
 * An AWS emulator the local cloud deploys to: moto, MiniStack, or LocalStack where Docker runs.
 * Whatever the emulator, the deployer and the runtime talk to it through the AWS SDK only; what
 * differs between emulators (their admin and inspection endpoints) is behind this interface.
 */
public interface Emulator extends AutoCloseable {

    /** Where its AWS APIs answer. */
    URI endpoint();

    /** Wipes all state, so the template can be deployed again from scratch. */
    void reset();

    /** Every e-mail its SES has accepted since the last reset, oldest first. */
    List<SentEmail> sentEmails();

    /** A short name for logs, e.g. {@code moto} or {@code ministack}. */
    String name();

    @Override
    void close();
}
