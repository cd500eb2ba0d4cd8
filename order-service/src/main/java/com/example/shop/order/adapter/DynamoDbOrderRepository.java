package com.example.shop.order.adapter;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.Money;
import com.example.shop.events.OrderEvent;
import com.example.shop.events.OrderLine;
import com.example.shop.events.ShippingAddress;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.events.codec.TimeJson;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.OrderRepository;
import com.example.shop.order.domain.OrderStatus;
import com.example.shop.order.domain.StatusChange;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders in the service's DynamoDB table, one item per order ({@code pk = order#<id>}).
 *
 * <p>The item's {@code outbox} attribute holds the events the last write caused, as envelope
 * JSON. Because they are part of the same conditional put as the state, the table's stream
 * carries state and events together: the stream handler publishes each new outbox entry, and
 * there is never a write whose event is lost or an event whose write failed (no dual write).
 */
public record DynamoDbOrderRepository(DynamoDbClient dynamo, String table, EventCodec codec) implements OrderRepository {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(TimeJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public boolean add(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        return put(order, events, "attribute_not_exists(pk)", Map.of());
    }

    @Override
    public boolean update(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        return put(order, events, "version = :expected",
                Map.of(":expected", AttributeValue.fromN(Long.toString(order.version() - 1))));
    }

    @Override
    public Optional<Order> find(OrderId id) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk(id)))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(toOrder(response.item())) : Optional.empty();
    }

    private boolean put(Order order, List<EventEnvelope<? extends OrderEvent>> events, String condition,
                        Map<String, AttributeValue> values) {
        try {
            dynamo.putItem(r -> {
                r.tableName(table).item(toItem(order, events)).conditionExpression(condition);
                if (!values.isEmpty()) {
                    r.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static String pk(OrderId id) {
        return "order#" + id.value();
    }

    private Map<String, AttributeValue> toItem(Order order, List<EventEnvelope<? extends OrderEvent>> events) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk(order.id())));
        item.put("kind", AttributeValue.fromS("order"));
        item.put("orderId", AttributeValue.fromS(order.id().value()));
        item.put("customerId", AttributeValue.fromS(order.customerId()));
        item.put("customerEmail", AttributeValue.fromS(order.customerEmail()));
        item.put("status", AttributeValue.fromS(order.status().name()));
        item.put("lines", AttributeValue.fromS(write(order.lines())));
        item.put("totalMinor", AttributeValue.fromN(Long.toString(order.total().amountMinor())));
        item.put("currency", AttributeValue.fromS(order.total().currency()));
        item.put("shippingAddress", AttributeValue.fromS(write(order.shippingAddress())));
        item.put("paymentMethodRef", AttributeValue.fromS(order.paymentMethodRef()));
        item.put("history", AttributeValue.fromS(write(order.history())));
        item.put("correlationId", AttributeValue.fromS(order.correlationId()));
        item.put("requestFingerprint", AttributeValue.fromS(order.requestFingerprint()));
        item.put("version", AttributeValue.fromN(Long.toString(order.version())));
        item.put("outbox", AttributeValue.fromL(events.stream().map(e -> AttributeValue.fromS(codec.toDetail(e))).toList()));
        return item;
    }

    private static Order toOrder(Map<String, AttributeValue> item) {
        return new Order(
                new OrderId(item.get("orderId").s()),
                item.get("customerId").s(),
                item.get("customerEmail").s(),
                read(item.get("lines").s(), new TypeReference<List<OrderLine>>() { }),
                new Money(Long.parseLong(item.get("totalMinor").n()), item.get("currency").s()),
                read(item.get("shippingAddress").s(), new TypeReference<ShippingAddress>() { }),
                item.get("paymentMethodRef").s(),
                OrderStatus.valueOf(item.get("status").s()),
                read(item.get("history").s(), new TypeReference<List<StatusChange>>() { }),
                item.get("correlationId").s(),
                item.get("requestFingerprint").s(),
                Long.parseLong(item.get("version").n()));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored order attribute is not readable as " + type.getType(), e);
        }
    }
}
