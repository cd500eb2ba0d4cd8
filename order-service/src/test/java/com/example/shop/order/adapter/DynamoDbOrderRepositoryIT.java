package com.example.shop.order.adapter;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.placedOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DynamoDbOrderRepository} against a real DynamoDB API (moto in server mode, started by
 * this class through the local emulator, which creates the project virtualenv on first use):
 * the order repository's contract, and the item format of the outbox attribute the stream reads.
 */
class DynamoDbOrderRepositoryIT extends OrderRepositoryContract {

    private static final String TABLE = "orders-it";
    private static final EventCodec CODEC = new EventCodec();

    private static MotoServer moto;
    private static DynamoDbClient dynamo;
    private static DynamoDbOrderRepository orders;

    @BeforeAll
    static void startMotoAndCreateTheTable() {
        moto = MotoServer.start();
        dynamo = new AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
        orders = new DynamoDbOrderRepository(dynamo, OrdersTables.create(dynamo, TABLE), CODEC);
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

    @Override
    OrderRepository orders() {
        return orders;
    }

    @Override
    List<String> outboxOf(OrderId id) {
        return storedOutbox(id).stream().map(detail -> CODEC.readDetail(detail).orElseThrow().eventId()).toList();
    }

    /** The raw {@code outbox} attribute of the order's item, as the table's stream carries it. */
    private static List<String> storedOutbox(OrderId id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("order#" + id.value())))).item();
        return item.get("outbox").l().stream().map(AttributeValue::s).toList();
    }

    @Test
    void the_outbox_attribute_holds_the_write_s_events_as_details_the_codec_reads_back() {
        Order placed = placedOrder(newOrderId(), CUSTOMER);
        EventEnvelope<OrderPlaced> event = orderPlaced(placed);

        orders.add(placed, List.of(event));

        assertThat(storedOutbox(placed.id())).singleElement().satisfies(detail ->
                assertThat(CODEC.readDetail(detail)).hasValueSatisfying(read -> assertThat(read).isEqualTo(event)));
    }
}
