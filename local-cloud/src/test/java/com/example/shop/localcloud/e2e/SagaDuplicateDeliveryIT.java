package com.example.shop.localcloud.e2e;

import org.junit.jupiter.api.BeforeAll;

/**
 * The same saga stories with every SQS message and every stream batch delivered twice: the final
 * states asserted by the stories (statuses, histories without repeats, stock levels, one charge,
 * one refund, one shipment) must come out exactly as with single delivery.
 */
class SagaDuplicateDeliveryIT extends SagaStories {

    @BeforeAll
    static void start() {
        startShop(true);
    }
}
