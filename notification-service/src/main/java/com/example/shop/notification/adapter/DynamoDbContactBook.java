package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.ContactBook;
import com.example.shop.notification.domain.CustomerContact;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Customer contacts in the notification service's table, one item per order with
 * {@code pk = "contact#<orderId>"}. Each item carries an {@code expiresAt} so the table's TTL
 * removes the address once the order's notifications are long over (personal data is kept no
 * longer than it is needed). Reads are strongly consistent, so an event handled right after
 * {@code OrderPlaced} finds the contact.
 *
 * @param retention how long a contact is kept after its order was placed
 */
public record DynamoDbContactBook(DynamoDbClient dynamo, String table, Clock clock, Duration retention)
        implements ContactBook {

    static final String KEY_PREFIX = "contact#";

    @Override
    public void remember(CustomerContact contact) {
        // A plain put: OrderPlaced is the only writer and always writes the same values for an order.
        dynamo.putItem(r -> r.tableName(table).item(toItem(contact, clock.instant().plus(retention).getEpochSecond())));
    }

    @Override
    public Optional<CustomerContact> find(String orderId) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(KEY_PREFIX + orderId))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    static Map<String, AttributeValue> toItem(CustomerContact contact, long expiresAtEpochSecond) {
        return Map.of(
                "pk", AttributeValue.fromS(KEY_PREFIX + contact.orderId()),
                "orderId", AttributeValue.fromS(contact.orderId()),
                "customerId", AttributeValue.fromS(contact.customerId()),
                "email", AttributeValue.fromS(contact.email()),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAtEpochSecond)));
    }

    static CustomerContact fromItem(Map<String, AttributeValue> item) {
        return new CustomerContact(Items.string(item, "orderId"), Items.string(item, "customerId"),
                Items.string(item, "email"));
    }
}
