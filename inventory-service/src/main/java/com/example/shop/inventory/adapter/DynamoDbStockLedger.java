package com.example.shop.inventory.adapter;

import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.ReservedLine;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.inventory.domain.CancelledBeforeReservation;
import com.example.shop.inventory.domain.OrderRecord;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.Refusal;
import com.example.shop.inventory.domain.Reservation;
import com.example.shop.inventory.domain.StockLedger;
import com.example.shop.inventory.domain.StockLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link StockLedger} in the inventory service's single DynamoDB table.
 *
 * <p>Item kinds, by key prefix:
 * <ul>
 *   <li>{@code stock#<productId>}: {@code available} and {@code reserved} units;</li>
 *   <li>{@code reservation#<orderId>}: what inventory decided for the order, with a {@code status}
 *       of {@code RESERVED}, {@code RELEASED}, {@code UNAVAILABLE} or {@code CANCELLED}, the lines,
 *       and the exact events announced ({@code stockReserved}, {@code stockReleased},
 *       {@code stockUnavailable}: the event's detail JSON) so a redelivery republishes them as they
 *       were.</li>
 * </ul>
 * A reservation is one {@code TransactWriteItems}: a conditional update per stock item
 * ({@code available >= :qty}) and a put of the order's record that fails if the order already has
 * one. DynamoDB cancels the whole transaction if any condition fails and reports, per item in
 * request order, which one did; that is how a short product is told apart from a repeated order.
 *
 * @param dynamo the DynamoDB client
 * @param table the inventory table
 * @param codec how the announced events are stored
 */
public record DynamoDbStockLedger(DynamoDbClient dynamo, String table, EventCodec codec) implements StockLedger {

    static final String RESERVED = "RESERVED";
    static final String RELEASED = "RELEASED";
    static final String UNAVAILABLE = "UNAVAILABLE";
    static final String CANCELLED = "CANCELLED";

    private static final String STOCK_PREFIX = "stock#";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** BatchGetItem reads at most 100 keys per call; an order has at most 50 lines. */
    private static final int BATCH_GET_LIMIT = 100;
    private static final int MAX_UNPROCESSED_ROUNDS = 5;

    private static final Map<String, String> STOCK_NAMES = Map.of("#available", "available", "#reserved", "reserved");

    @Override
    public ReserveAttempt reserve(Reservation reservation) {
        List<ReservedLine> lines = reservation.lines();
        List<TransactWriteItem> writes = new ArrayList<>(lines.size() + 1);
        for (ReservedLine line : lines) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(key(stockPk(line.productId())))
                    .conditionExpression("attribute_exists(pk) AND #available >= :qty")
                    .updateExpression("SET #available = #available - :qty ADD #reserved :qty")
                    .expressionAttributeNames(STOCK_NAMES)
                    .expressionAttributeValues(Map.of(":qty", number(line.quantity())))).build());
        }
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(reservationItem(reservation))
                .conditionExpression("attribute_not_exists(pk)")).build());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return new Recorded();
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            // The order's record comes last: if it exists, the stock conditions do not matter.
            if (failed(reasons, lines.size())) {
                return new AlreadyRecorded(existing(reservation.orderId()));
            }
            List<String> shortProducts = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (failed(reasons, i)) {
                    shortProducts.add(lines.get(i).productId());
                }
            }
            if (shortProducts.isEmpty()) {
                // TransactionConflict, throttling and the like: an infrastructure failure, retried.
                throw cancelled;
            }
            return new StockShort(shortProducts);
        }
    }

    @Override
    public RecordAttempt record(Refusal refusal) {
        StockUnavailable data = refusal.unavailableEvent().data();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(reservationPk(data.orderId())));
        item.put("orderId", AttributeValue.fromS(data.orderId()));
        item.put("customerId", AttributeValue.fromS(data.customerId()));
        item.put("status", AttributeValue.fromS(UNAVAILABLE));
        item.put("stockUnavailable", AttributeValue.fromS(codec.toDetail(refusal.unavailableEvent())));
        return putIfAbsent(data.orderId(), item);
    }

    @Override
    public RecordAttempt record(CancelledBeforeReservation marker) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(reservationPk(marker.orderId())));
        item.put("orderId", AttributeValue.fromS(marker.orderId()));
        item.put("customerId", AttributeValue.fromS(marker.customerId()));
        item.put("status", AttributeValue.fromS(CANCELLED));
        item.put("cancellationEventId", AttributeValue.fromS(marker.cancellationEventId()));
        item.put("recordedAt", AttributeValue.fromS(marker.recordedAt().toString()));
        return putIfAbsent(marker.orderId(), item);
    }

    @Override
    public RecordAttempt release(Reservation released) {
        EventEnvelope<StockReleased> announced = released.release()
                .orElseThrow(() -> new IllegalArgumentException("release needs a released reservation"));
        List<ReservedLine> lines = released.lines();
        List<TransactWriteItem> writes = new ArrayList<>(lines.size() + 1);
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(reservationPk(released.orderId())))
                .conditionExpression("#status = :reserved")
                .updateExpression("SET #status = :released, stockReleased = :event")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":reserved", AttributeValue.fromS(RESERVED),
                        ":released", AttributeValue.fromS(RELEASED),
                        ":event", AttributeValue.fromS(codec.toDetail(announced))))).build());
        for (ReservedLine line : lines) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(key(stockPk(line.productId())))
                    .conditionExpression("attribute_exists(pk) AND #reserved >= :qty")
                    .updateExpression("SET #available = #available + :qty, #reserved = #reserved - :qty")
                    .expressionAttributeNames(STOCK_NAMES)
                    .expressionAttributeValues(Map.of(":qty", number(line.quantity())))).build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return new Recorded();
        } catch (TransactionCanceledException cancelled) {
            if (failed(cancelled.cancellationReasons(), 0)) {
                return new AlreadyRecorded(existing(released.orderId()));
            }
            // A held reservation whose units are no longer reserved means the books disagree:
            // let the message fail into the DLQ for an operator rather than guess.
            throw cancelled;
        }
    }

    @Override
    public Optional<OrderRecord> recordOf(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(key(reservationPk(orderId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(item));
    }

    @Override
    public Map<String, Long> availableUnits(Collection<String> productIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(productIds));
        Map<String, Long> available = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(),
                    from + BATCH_GET_LIMIT)).stream().map(id -> key(stockPk(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys).consistentRead(true).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == MAX_UNPROCESSED_ROUNDS) {
                    throw new IllegalStateException("DynamoDB left stock reads unprocessed after "
                            + MAX_UNPROCESSED_ROUNDS + " rounds");
                }
                Map<String, KeysAndAttributes> pending = request;
                var response = dynamo.batchGetItem(r -> r.requestItems(pending));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    available.put(productIdOf(item), Long.parseLong(item.get("available").n()));
                }
                request = response.unprocessedKeys();
            }
        }
        return available;
    }

    @Override
    public Optional<StockLevel> restock(ProductId productId, int quantity) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(table)
                    .key(key(stockPk(productId.value())))
                    // Never an upsert: only the item ProductCreated opened may grow (no orphan stock items).
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("SET productId = :productId, #reserved = if_not_exists(#reserved, :zero) "
                            + "ADD #available :qty")
                    .expressionAttributeNames(STOCK_NAMES)
                    .expressionAttributeValues(Map.of(
                            ":productId", AttributeValue.fromS(productId.value()),
                            ":zero", number(0),
                            ":qty", number(quantity)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(toStockLevel(item));
        } catch (ConditionalCheckFailedException noStockItem) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<StockLevel> stockOf(ProductId productId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(key(stockPk(productId.value()))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toStockLevel(item));
    }

    private RecordAttempt putIfAbsent(String orderId, Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new Recorded();
        } catch (ConditionalCheckFailedException alreadyThere) {
            return new AlreadyRecorded(existing(orderId));
        }
    }

    private OrderRecord existing(String orderId) {
        return recordOf(orderId).orElseThrow(() -> new IllegalStateException("order " + orderId
                + " failed a write because it was recorded, but no record can be read"));
    }

    private Map<String, AttributeValue> reservationItem(Reservation reservation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(reservationPk(reservation.orderId())));
        item.put("orderId", AttributeValue.fromS(reservation.orderId()));
        item.put("customerId", AttributeValue.fromS(reservation.customerId()));
        item.put("status", AttributeValue.fromS(RESERVED));
        // The lines also live in the event; as a list they are readable in the console.
        item.put("lines", AttributeValue.fromL(reservation.lines().stream()
                .map(line -> AttributeValue.fromM(Map.of(
                        "productId", AttributeValue.fromS(line.productId()),
                        "quantity", number(line.quantity()))))
                .toList()));
        item.put("stockReserved", AttributeValue.fromS(codec.toDetail(reservation.reservedEvent())));
        return item;
    }

    private OrderRecord toRecord(Map<String, AttributeValue> item) {
        String status = item.get("status").s();
        return switch (status) {
            case RESERVED -> Reservation.held(event(item, "stockReserved", StockReserved.class));
            case RELEASED -> new Reservation(event(item, "stockReserved", StockReserved.class),
                    event(item, "stockReleased", StockReleased.class));
            case UNAVAILABLE -> new Refusal(event(item, "stockUnavailable", StockUnavailable.class));
            case CANCELLED -> new CancelledBeforeReservation(item.get("orderId").s(), item.get("customerId").s(),
                    item.get("cancellationEventId").s(), Instant.parse(item.get("recordedAt").s()));
            default -> throw new IllegalStateException("order record " + item.get("pk").s()
                    + " has an unknown status " + status);
        };
    }

    @SuppressWarnings("unchecked")
    private <T extends DomainEvent> EventEnvelope<T> event(Map<String, AttributeValue> item, String attribute,
                                                           Class<T> type) {
        AttributeValue json = item.get(attribute);
        if (json == null) {
            throw new IllegalStateException("order record " + item.get("pk").s() + " lacks " + attribute);
        }
        EventEnvelope<DomainEvent> envelope = codec.readDetail(json.s()).orElseThrow(() ->
                new IllegalStateException(attribute + " of " + item.get("pk").s() + " is of an unknown event type"));
        if (!type.isInstance(envelope.data())) {
            throw new IllegalStateException(attribute + " of " + item.get("pk").s() + " is not a "
                    + type.getSimpleName());
        }
        return (EventEnvelope<T>) (EventEnvelope<?>) envelope;
    }

    private static StockLevel toStockLevel(Map<String, AttributeValue> item) {
        return new StockLevel(new ProductId(productIdOf(item)),
                Long.parseLong(item.get("available").n()), Long.parseLong(item.get("reserved").n()));
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static String productIdOf(Map<String, AttributeValue> stockItem) {
        return stockItem.get("pk").s().substring(STOCK_PREFIX.length());
    }

    static String stockPk(String productId) {
        return STOCK_PREFIX + productId;
    }

    static String reservationPk(String orderId) {
        return "reservation#" + orderId;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
