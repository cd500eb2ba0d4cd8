package com.example.shop.order.handler;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.GoldenSamples;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.events.EventPublisher;
import com.example.shop.platform.testing.InMemoryEventPublisher;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.ORDER_ID;
import static com.example.shop.order.OrderFixtures.PLACED_AT;
import static com.example.shop.order.OrderFixtures.address;
import static com.example.shop.order.OrderFixtures.euros;
import static com.example.shop.order.OrderFixtures.lines;
import static com.example.shop.platform.testing.SequentialIds.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox publisher, fed DynamoDB stream records of the orders table. */
class PublishOrderEventsHandlerTest {

    private static final EventCodec CODEC = new EventCodec();

    private final InMemoryEventPublisher bus = new InMemoryEventPublisher();
    /** How often the handler asked the bus to publish, accepted or not. */
    private int publishCalls;
    /** The publish call (1-based) that the bus refuses, 0 for none. */
    private int refusedCall;
    private final EventPublisher countingBus = events -> {
        if (++publishCalls == refusedCall) {
            bus.failNext(1);
        }
        bus.publish(events);
    };
    private final PublishOrderEventsHandler handler =
            new PublishOrderEventsHandler(countingBus, CODEC, TestObservability.of("order"));

    /** The bus accepts {@code accepted} publishes, then refuses the next one. */
    private void failAfter(int accepted) {
        refusedCall = publishCalls + accepted + 1;
    }

    private List<String> publishedIds() {
        return bus.published().stream().map(EventEnvelope::eventId).toList();
    }

    private static EventEnvelope<OrderPlaced> orderPlaced(String eventId) {
        return EventEnvelope.of(new OrderPlaced(ORDER_ID.value(), CUSTOMER, "erika@example.com", lines(), euros(5030),
                address(), "pm-card-visa"), eventId, PLACED_AT, "corr-1", "req-1");
    }

    private static EventEnvelope<OrderCancelled> orderCancelled(String eventId) {
        return EventEnvelope.of(new OrderCancelled(ORDER_ID.value(), CUSTOMER, "cancelled by customer"), eventId,
                PLACED_AT.plusSeconds(60), "corr-1", "req-2");
    }

    /** An image of an order item whose outbox holds the events' details (null: no image). */
    private static Map<String, AttributeValue> image(EventEnvelope<?>... outbox) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("pk", new AttributeValue("order#" + ORDER_ID.value()));
        image.put("status", new AttributeValue("PENDING"));
        image.put("outbox", new AttributeValue().withL(
                List.of(outbox).stream().map(e -> new AttributeValue(CODEC.toDetail(e))).toList()));
        return image;
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String sequenceNumber,
            Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        StreamRecord change = new StreamRecord()
                .withSequenceNumber(sequenceNumber)
                .withKeys(Map.of("pk", new AttributeValue("order#" + ORDER_ID.value())))
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (oldImage != null) {
            change.setOldImage(oldImage);
        }
        if (newImage != null) {
            change.setNewImage(newImage);
        }
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(change);
        return record;
    }

    private static DynamodbEvent stream(DynamodbEvent.DynamodbStreamRecord... records) {
        var event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static List<String> failedSequenceNumbers(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void a_new_order_from_the_stream_fixture_publishes_its_order_placed_once() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/streams/order-placed-insert.json");

        var response = handler.handleRequest(event, null);

        assertThat(failedSequenceNumbers(response)).isEmpty();
        EventEnvelope<?> golden = CODEC.readDetail(GoldenSamples.json("OrderPlaced")).orElseThrow();
        assertThat(bus.published()).containsExactly(golden);
    }

    @Test
    void an_inserted_order_publishes_the_event_in_its_outbox() {
        var placed = orderPlaced(id(1));

        var response = handler.handleRequest(stream(record("INSERT", "100", null, image(placed))), null);

        assertThat(failedSequenceNumbers(response)).isEmpty();
        assertThat(bus.published()).containsExactly(placed);
    }

    @Test
    void a_modification_whose_old_image_already_held_the_event_publishes_nothing() {
        var placed = orderPlaced(id(1));

        var response = handler.handleRequest(stream(record("MODIFY", "101", image(placed), image(placed))), null);

        assertThat(failedSequenceNumbers(response)).isEmpty();
        assertThat(publishCalls).isZero();
    }

    @Test
    void a_cancellation_publishes_only_the_new_order_cancelled() {
        var response = handler.handleRequest(stream(
                record("MODIFY", "102", image(orderPlaced(id(1))), image(orderCancelled(id(2))))), null);

        assertThat(failedSequenceNumbers(response)).isEmpty();
        assertThat(publishedIds()).containsExactly(id(2));
    }

    @Test
    void a_status_update_without_events_publishes_nothing() {
        handler.handleRequest(stream(record("MODIFY", "103", image(orderPlaced(id(1))), image())), null);

        assertThat(publishCalls).isZero();
    }

    @Test
    void a_removed_item_publishes_nothing() {
        var response = handler.handleRequest(stream(record("REMOVE", "104", image(orderPlaced(id(1))), null)), null);

        assertThat(failedSequenceNumbers(response)).isEmpty();
        assertThat(publishCalls).isZero();
    }

    @Test
    void items_without_an_outbox_such_as_prices_and_processed_markers_publish_nothing() {
        Map<String, AttributeValue> price = Map.of("pk", new AttributeValue("price#prod-1"),
                "amountMinor", new AttributeValue().withN("1890"));

        var response = handler.handleRequest(stream(record("INSERT", "105", null, price)), null);

        assertThat(failedSequenceNumbers(response)).isEmpty();
        assertThat(publishCalls).isZero();
    }

    @Test
    void several_records_are_published_in_stream_order() {
        handler.handleRequest(stream(
                record("INSERT", "200", null, image(orderPlaced(id(1)))),
                record("MODIFY", "201", image(orderPlaced(id(1))), image(orderCancelled(id(2)))),
                record("INSERT", "202", null, image(orderPlaced(id(3))))), null);

        assertThat(publishedIds()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void when_publishing_fails_that_record_is_the_only_failure_and_later_records_wait() {
        failAfter(1);

        var response = handler.handleRequest(stream(
                record("INSERT", "300", null, image(orderPlaced(id(1)))),
                record("MODIFY", "301", image(orderPlaced(id(1))), image(orderCancelled(id(2)))),
                record("INSERT", "302", null, image(orderPlaced(id(3))))), null);

        assertThat(failedSequenceNumbers(response)).containsExactly("301");
        assertThat(publishedIds()).containsExactly(id(1));
        assertThat(publishCalls).isEqualTo(2);
    }

    @Test
    void when_the_first_record_fails_nothing_of_the_batch_is_published() {
        failAfter(0);

        var response = handler.handleRequest(stream(
                record("INSERT", "400", null, image(orderPlaced(id(1)))),
                record("INSERT", "401", null, image(orderPlaced(id(2))))), null);

        assertThat(failedSequenceNumbers(response)).containsExactly("400");
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void the_retry_from_the_failed_record_publishes_the_rest_in_order() {
        failAfter(1);
        var first = record("INSERT", "500", null, image(orderPlaced(id(1))));
        var second = record("INSERT", "501", null, image(orderPlaced(id(2))));
        var third = record("INSERT", "502", null, image(orderPlaced(id(3))));
        handler.handleRequest(stream(first, second, third), null);

        var retry = handler.handleRequest(stream(second, third), null);

        assertThat(failedSequenceNumbers(retry)).isEmpty();
        assertThat(publishedIds()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void an_outbox_entry_that_cannot_be_read_fails_its_own_record_and_keeps_the_earlier_ones_published() {
        Map<String, AttributeValue> broken = image();
        broken.put("outbox", new AttributeValue().withL(List.of(new AttributeValue("{\"metadata\":{}}"))));

        var response = handler.handleRequest(stream(
                record("INSERT", "600", null, image(orderPlaced(id(1)))),
                record("INSERT", "601", null, broken),
                record("INSERT", "602", null, image(orderPlaced(id(3))))), null);

        assertThat(failedSequenceNumbers(response)).containsExactly("601");
        assertThat(publishedIds()).containsExactly(id(1));
    }

    @Test
    void a_record_retried_after_the_bus_refused_it_publishes_the_very_event_id_the_write_stored() {
        var placed = orderPlaced(id(7));
        var insert = record("INSERT", "700", null, image(placed));
        failAfter(0);
        handler.handleRequest(stream(insert), null);

        var retry = handler.handleRequest(stream(insert), null);

        assertThat(failedSequenceNumbers(retry)).isEmpty();
        assertThat(publishedIds()).containsExactly(id(7));
        assertThat(bus.published()).containsExactly(placed);
    }
}
