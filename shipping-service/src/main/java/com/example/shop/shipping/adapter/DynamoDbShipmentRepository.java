package com.example.shop.shipping.adapter;

import com.example.shop.events.Announcement;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Shipments stored in the shipping service's table, one item per order with
 * {@code pk = "shipment#<orderId>"}, written once with {@code attribute_not_exists(pk)} so the
 * first booking of an order is the only one. Reads are strongly consistent.
 */
public record DynamoDbShipmentRepository(DynamoDbClient dynamo, String table) implements ShipmentRepository {

    static final String KEY_PREFIX = "shipment#";

    @Override
    public Optional<Shipment> find(String orderId) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(KEY_PREFIX + orderId))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public boolean add(Shipment shipment) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(shipment)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyBooked) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(Shipment shipment) {
        return Map.of(
                "pk", AttributeValue.fromS(KEY_PREFIX + shipment.orderId()),
                "orderId", AttributeValue.fromS(shipment.orderId()),
                "customerId", AttributeValue.fromS(shipment.customerId()),
                "shipmentId", AttributeValue.fromS(shipment.shipmentId()),
                "carrier", AttributeValue.fromS(shipment.carrier()),
                "trackingNumber", AttributeValue.fromS(shipment.trackingNumber()),
                "estimatedDelivery", AttributeValue.fromS(shipment.estimatedDelivery().toString()),
                "eventId", AttributeValue.fromS(shipment.announcement().eventId()),
                "eventAt", AttributeValue.fromS(shipment.announcement().occurredAt().toString()));
    }

    static Shipment fromItem(Map<String, AttributeValue> item) {
        return new Shipment(s(item, "orderId"), s(item, "customerId"), s(item, "shipmentId"), s(item, "carrier"),
                s(item, "trackingNumber"), LocalDate.parse(s(item, "estimatedDelivery")),
                new Announcement(s(item, "eventId"), Instant.parse(s(item, "eventAt"))));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("shipment item " + item.get("pk") + " has no attribute " + name);
        }
        return value.s();
    }
}
