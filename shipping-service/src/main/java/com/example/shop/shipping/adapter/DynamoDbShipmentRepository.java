package com.example.shop.shipping.adapter;

import com.example.shop.events.Announcement;
import com.example.shop.shipping.domain.CancelMarker;
import com.example.shop.shipping.domain.CancelledShipment;
import com.example.shop.shipping.domain.FailedShipment;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShipmentRepository;
import com.example.shop.shipping.domain.ShipmentState;
import com.example.shop.shipping.domain.ShippingRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What shipping recorded per order, stored in the shipping service's table, one item per order
 * with {@code pk = "shipment#<orderId>"} and its {@code state}.
 *
 * <p>Each write is a {@code PutItem} of the whole item with a condition: {@code
 * attribute_not_exists(pk)} for an order's first record (a booking, a refusal or the cancel
 * marker, so a booking and a cancellation exclude each other), and {@code #state = SCHEDULED} for
 * the withdrawal of a booking. Items written before shipments had states carry none and are
 * bookings. Reads are strongly consistent. Shipment items carry no {@code expiresAt}: they are
 * kept, and a cancel marker must outlive any late payment.
 */
public record DynamoDbShipmentRepository(DynamoDbClient dynamo, String table) implements ShipmentRepository {

    static final String KEY_PREFIX = "shipment#";

    @Override
    public Optional<ShippingRecord> find(String orderId) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(KEY_PREFIX + orderId))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public boolean add(ShippingRecord first) {
        return put(PutItemRequest.builder().tableName(table).item(toItem(first))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    @Override
    public boolean cancel(Shipment booked, CancelledShipment withdrawn) {
        if (!booked.equals(withdrawn.withdrawn())) {
            throw new IllegalArgumentException("a withdrawal must be of the booking it replaces");
        }
        // A booking stored before shipments had states has no state attribute, and is SCHEDULED.
        return put(PutItemRequest.builder().tableName(table).item(toItem(withdrawn))
                .conditionExpression("#state = :scheduled OR (attribute_exists(pk) AND attribute_not_exists(#state))")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":scheduled", AttributeValue.fromS(ShipmentState.SCHEDULED.name())))
                .build());
    }

    private boolean put(PutItemRequest request) {
        try {
            dynamo.putItem(request);
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(ShippingRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(KEY_PREFIX + record.orderId()));
        item.put("orderId", AttributeValue.fromS(record.orderId()));
        item.put("customerId", AttributeValue.fromS(record.customerId()));
        item.put("state", AttributeValue.fromS(record.state().name()));
        switch (record) {
            case Shipment shipment -> putBooking(item, shipment);
            case CancelledShipment cancelled -> {
                putBooking(item, cancelled.withdrawn());
                item.put("cancelEventId", AttributeValue.fromS(cancelled.announcement().eventId()));
                item.put("cancelEventAt", AttributeValue.fromS(cancelled.announcement().occurredAt().toString()));
            }
            case FailedShipment failed -> {
                item.put("reason", AttributeValue.fromS(failed.reason()));
                item.put("eventId", AttributeValue.fromS(failed.announcement().eventId()));
                item.put("eventAt", AttributeValue.fromS(failed.announcement().occurredAt().toString()));
            }
            case CancelMarker _ -> { }
        }
        return item;
    }

    static ShippingRecord fromItem(Map<String, AttributeValue> item) {
        ShipmentState state = item.containsKey("state") ? ShipmentState.valueOf(s(item, "state")) : ShipmentState.SCHEDULED;
        return switch (state) {
            case SCHEDULED -> booking(item);
            case CANCELLED -> booking(item).cancelled(
                    new Announcement(s(item, "cancelEventId"), Instant.parse(s(item, "cancelEventAt"))));
            case FAILED -> new FailedShipment(s(item, "orderId"), s(item, "customerId"), s(item, "reason"),
                    new Announcement(s(item, "eventId"), Instant.parse(s(item, "eventAt"))));
            case CANCEL_MARKER -> new CancelMarker(s(item, "orderId"), s(item, "customerId"));
        };
    }

    private static void putBooking(Map<String, AttributeValue> item, Shipment shipment) {
        item.put("shipmentId", AttributeValue.fromS(shipment.shipmentId()));
        item.put("carrier", AttributeValue.fromS(shipment.carrier()));
        item.put("trackingNumber", AttributeValue.fromS(shipment.trackingNumber()));
        item.put("estimatedDelivery", AttributeValue.fromS(shipment.estimatedDelivery().toString()));
        item.put("eventId", AttributeValue.fromS(shipment.announcement().eventId()));
        item.put("eventAt", AttributeValue.fromS(shipment.announcement().occurredAt().toString()));
    }

    private static Shipment booking(Map<String, AttributeValue> item) {
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
