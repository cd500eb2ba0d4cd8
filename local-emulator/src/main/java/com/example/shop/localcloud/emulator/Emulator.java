package com.example.shop.localcloud.emulator;

import java.net.URI;

/**
 * An AWS emulator the local cloud deploys to: moto by default, LocalStack where Docker runs.
 * Whatever the emulator, the deployer and the runtime talk to it through the AWS SDK only.
 */
public interface Emulator extends AutoCloseable {

    /** Where its AWS APIs answer. */
    URI endpoint();

    /** Wipes all state, so the template can be deployed again from scratch. */
    void reset();

    /** A short name for logs, e.g. {@code moto} or {@code localstack}. */
    String name();

    @Override
    void close();
}
