package com.example.shop.order.adapter;

import com.example.shop.events.Money;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.order.domain.ListPrice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DynamoDbPriceBook} against DynamoDB as moto emulates it (started through the local
 * emulator), read back through the {@link DynamoDbPriceTable} that prices orders: the version
 * conditions of the transactions and the withdrawal marker.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DynamoDbPriceBookIT {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final String BEANS = "prod-espresso-beans-1kg";

    private static MotoServer moto;
    private static DynamoDbClient dynamo;

    private DynamoDbPriceBook book;
    private DynamoDbPriceTable prices;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        dynamo = new AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
    }

    @AfterAll
    static void stopMoto() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void freshTable() {
        String table = "orders-prices-it-" + TABLES.incrementAndGet();
        dynamo.createTable(r -> r.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        book = new DynamoDbPriceBook(dynamo, table);
        prices = new DynamoDbPriceTable(dynamo, table);
    }

    private static Money euros(long cents) {
        return new Money(cents, "EUR");
    }

    private Map<String, Money> priceOfBeans() {
        return prices.pricesOf(Set.of(BEANS));
    }

    @Test
    void a_recorded_price_is_what_orders_are_priced_with() {
        assertThat(book.record(new ListPrice(BEANS, euros(1890), 1_000))).isTrue();

        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(1890)));
    }

    @Test
    void an_older_or_equal_version_never_overwrites_a_newer_price() {
        book.record(new ListPrice(BEANS, euros(2100), 3_000));

        assertThat(book.record(new ListPrice(BEANS, euros(1990), 2_000))).isFalse();
        assertThat(book.record(new ListPrice(BEANS, euros(1990), 3_000))).isFalse();
        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(2100)));
        assertThat(book.record(new ListPrice(BEANS, euros(2200), 4_000))).isTrue();
        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(2200)));
    }

    @Test
    void a_withdrawn_product_has_no_price_and_older_announcements_do_not_bring_it_back() {
        book.record(new ListPrice(BEANS, euros(1890), 1_000));

        assertThat(book.withdraw(BEANS, 2_000)).isTrue();
        assertThat(book.record(new ListPrice(BEANS, euros(1890), 1_000))).isFalse();
        assertThat(book.record(new ListPrice(BEANS, euros(1990), 1_500))).isFalse();
        assertThat(book.withdraw(BEANS, 2_000)).isFalse();
        assertThat(priceOfBeans()).isEmpty();
    }

    @Test
    void a_withdrawal_older_than_the_price_changes_nothing() {
        book.record(new ListPrice(BEANS, euros(1990), 3_000));

        assertThat(book.withdraw(BEANS, 2_000)).isFalse();
        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(1990)));
    }

    @Test
    void a_withdrawal_that_arrives_first_keeps_the_product_unpriced() {
        assertThat(book.withdraw(BEANS, 2_000)).isTrue();
        assertThat(book.record(new ListPrice(BEANS, euros(1890), 1_000))).isFalse();
        assertThat(priceOfBeans()).isEmpty();
    }
}
