package com.example.shop.payment.adapter;

import com.example.shop.localcloud.emulator.EmulatedDynamoDb;
import com.example.shop.payment.domain.PaymentRepository;
import com.example.shop.payment.testing.PaymentRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/**
 * The DynamoDB adapter keeps the payment repository's contract, against DynamoDB as moto emulates
 * it: each test gets a fresh table shaped as the template's payments table ({@code pk} string hash
 * key).
 *
 * <p>Starts its own moto server through the local emulator (which creates the project virtualenv
 * on first use and makes moto's conditional writes atomic, as DynamoDB's are) and stops it
 * afterwards.
 */
class DynamoDbPaymentRepositoryIT extends PaymentRepositoryContract {

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
    protected PaymentRepository emptyRepository() {
        String table = emulator.freshPkTable("payments-it");
        return new DynamoDbPaymentRepository(dynamo, table);
    }
}
