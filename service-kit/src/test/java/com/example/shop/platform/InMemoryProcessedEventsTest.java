package com.example.shop.platform;

import com.example.shop.platform.testing.InMemoryProcessedEvents;
import com.example.shop.platform.testing.ProcessedEventsContract;

/** The fake every service's tests use keeps the contract the DynamoDB adapter keeps (DynamoDbProcessedEventsIT). */
class InMemoryProcessedEventsTest extends ProcessedEventsContract {

    @Override
    protected ProcessedEvents emptyStore() {
        return new InMemoryProcessedEvents();
    }
}
