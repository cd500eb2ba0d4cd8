package com.example.shop.order.adapter;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderEvent;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.ShippingAddress;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.order.domain.SagaStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.example.shop.order.OrderFixtures.BEANS;
import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.MUG;
import static com.example.shop.order.OrderFixtures.PLACED_AT;
import static com.example.shop.order.OrderFixtures.euros;
import static com.example.shop.order.OrderFixtures.placedOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DynamoDB adapters against a real DynamoDB API (moto in server mode, started by this class
 * through the local emulator, which creates the project virtualenv on first use): the item format, the conditional writes and the outbox attribute.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DynamoDbOrderRepositoryIT {

    private static final String TABLE = "orders-it";
    private static final EventCodec CODEC = new EventCodec();

    private static MotoServer moto;
    private static DynamoDbClient dynamo;
    private static DynamoDbOrderRepository orders;

    @BeforeAll
    static void startMotoAndCreateTheTable() {
        moto = MotoServer.start();
        dynamo = new AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
        dynamo.createTable(r -> r.tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        orders = new DynamoDbOrderRepository(dynamo, TABLE, CODEC);
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

    private static OrderId newOrderId() {
        return new OrderId(UUID.randomUUID().toString());
    }

    private static EventEnvelope<OrderPlaced> orderPlaced(Order order) {
        return EventEnvelope.of(new OrderPlaced(order.id().value(), order.customerId(), order.customerEmail(),
                order.lines(), order.total(), order.shippingAddress(), order.paymentMethodRef()),
                UUID.randomUUID().toString(), PLACED_AT, order.correlationId(), "req-1");
    }

    private static List<String> storedOutbox(OrderId id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("order#" + id.value())))).item();
        return item.get("outbox").l().stream().map(AttributeValue::s).toList();
    }

    @Test
    void an_added_order_is_found_again_with_every_field() {
        Order order = placedOrder(newOrderId(), CUSTOMER);

        assertThat(orders.add(order, List.of(orderPlaced(order)))).isTrue();

        assertThat(orders.find(order.id())).contains(order);
    }

    @Test
    void a_second_address_line_history_reasons_and_a_later_version_survive_the_round_trip() {
        Order placed = Order.place(newOrderId(), CUSTOMER, "erika@example.com", placedOrder().lines(),
                new ShippingAddress("Erika Mustermann", "Hauptstraße 5", "2. OG links", "Berlin", "10115", "DE"),
                "pm-card-visa", "corr-ü-1", "req-1", "f1ng3rpr1nt", PLACED_AT);
        Order failed = placed.advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1",
                        PLACED_AT.plusMillis(1457)).orElseThrow()
                .advance(new SagaStep.Failure(OrderStatus.PAYMENT_FAILED, "PaymentDeclined", "card expired"), "e-2",
                        PLACED_AT.plusSeconds(5)).orElseThrow();

        orders.add(failed, List.of());

        assertThat(orders.find(failed.id())).contains(failed);
    }

    @Test
    void a_missing_order_is_not_found() {
        assertThat(orders.find(newOrderId())).isEmpty();
    }

    @Test
    void adding_an_order_whose_id_exists_is_refused_and_keeps_the_first() {
        Order first = placedOrder(newOrderId(), CUSTOMER);
        orders.add(first, List.of(orderPlaced(first)));
        Order impostor = placedOrder(first.id(), "someone-else");

        assertThat(orders.add(impostor, List.of(orderPlaced(impostor)))).isFalse();
        assertThat(orders.find(first.id())).contains(first);
    }

    @Test
    void an_update_from_the_stored_version_wins_and_one_from_a_stale_version_is_refused() {
        Order placed = placedOrder(newOrderId(), CUSTOMER);
        orders.add(placed, List.of(orderPlaced(placed)));
        Order reserved = placed.advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1",
                PLACED_AT.plusSeconds(1)).orElseThrow();
        Order cancelledFromStaleRead = ((Order.CancelOutcome.Cancelled) placed.cancel("changed my mind", "req-2",
                PLACED_AT.plusSeconds(2))).order();

        assertThat(orders.update(reserved, List.of())).isTrue();
        assertThat(orders.update(cancelledFromStaleRead, List.of())).isFalse();
        assertThat(orders.find(placed.id())).contains(reserved);
    }

    @Test
    void an_update_of_an_order_that_was_never_added_is_refused() {
        Order reserved = placedOrder(newOrderId(), CUSTOMER)
                .advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1", PLACED_AT).orElseThrow();

        assertThat(orders.update(reserved, List.of())).isFalse();
        assertThat(orders.find(reserved.id())).isEmpty();
    }

    @Test
    void the_outbox_attribute_holds_the_write_s_events_as_details_the_codec_reads_back() {
        Order placed = placedOrder(newOrderId(), CUSTOMER);
        EventEnvelope<OrderPlaced> event = orderPlaced(placed);

        orders.add(placed, List.of(event));

        assertThat(storedOutbox(placed.id())).singleElement().satisfies(detail ->
                assertThat(CODEC.readDetail(detail)).hasValueSatisfying(read -> assertThat(read).isEqualTo(event)));
    }

    @Test
    void each_write_replaces_the_outbox_with_the_events_that_write_caused() {
        Order placed = placedOrder(newOrderId(), CUSTOMER);
        orders.add(placed, List.of(orderPlaced(placed)));
        Order reserved = placed.advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1",
                PLACED_AT.plusSeconds(1)).orElseThrow();
        orders.update(reserved, List.of());
        assertThat(storedOutbox(placed.id())).isEmpty();

        Order cancelled = ((Order.CancelOutcome.Cancelled) reserved.cancel("changed my mind", "req-2",
                PLACED_AT.plusSeconds(2))).order();
        EventEnvelope<? extends OrderEvent> orderCancelled = EventEnvelope.of(
                new OrderCancelled(placed.id().value(), CUSTOMER, "changed my mind"), UUID.randomUUID().toString(),
                PLACED_AT.plusSeconds(2), placed.correlationId(), "req-2");
        orders.update(cancelled, List.of(orderCancelled));

        assertThat(storedOutbox(placed.id())).singleElement().satisfies(detail ->
                assertThat(CODEC.readDetail(detail).orElseThrow().eventId()).isEqualTo(orderCancelled.eventId()));
    }

    @Test
    void the_price_table_returns_known_prices_and_leaves_unknown_products_out() {
        putPrice(BEANS, 1890, "EUR");
        putPrice(MUG, 1250, "EUR");
        var prices = new DynamoDbPriceTable(dynamo, TABLE);

        var found = prices.pricesOf(Set.of(BEANS, MUG, "prod-never-sold"));

        assertThat(found).containsOnly(Map.entry(BEANS, euros(1890)), Map.entry(MUG, euros(1250)));
    }

    @Test
    void asking_the_price_table_for_no_products_answers_nothing() {
        assertThat(new DynamoDbPriceTable(dynamo, TABLE).pricesOf(Set.of())).isEmpty();
    }

    private static void putPrice(String productId, long amountMinor, String currency) {
        dynamo.putItem(r -> r.tableName(TABLE).item(Map.of(
                "pk", AttributeValue.fromS("price#" + productId),
                "productId", AttributeValue.fromS(productId),
                "amountMinor", AttributeValue.fromN(Long.toString(amountMinor)),
                "currency", AttributeValue.fromS(currency))));
    }
}
