package com.example.shop.localcloud.emulator;

import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.example.shop.platform.DynamoDbProcessedEvents;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.platform.testing.ProcessedEventsContract;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB adapter every consumer remembers its events in keeps the same contract as the fake
 * the services' tests use ({@code InMemoryProcessedEventsTest} in service-kit).
 */
class DynamoDbProcessedEventsIT extends ProcessedEventsContract {

    private static EmulatedDynamoDb emulator;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startMoto() {
        emulator = EmulatedDynamoDb.start();
        dynamo = emulator.dynamo();
    }

    @AfterAll
    static void stopMoto() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    protected ProcessedEvents emptyStore() {
        return new DynamoDbProcessedEvents(dynamo, emulator.freshPkTable("processed-it"),
                Clock.systemUTC(), ProcessedEvents.RETENTION);
    }
}
