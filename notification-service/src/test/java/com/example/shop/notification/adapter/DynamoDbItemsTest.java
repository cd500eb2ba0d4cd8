package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.Claim;
import com.example.shop.notification.domain.CustomerContact;
import com.example.shop.notification.domain.TextMessage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The item shapes of the notification table's kinds. */
class DynamoDbItemsTest {

    @Test
    void a_contact_round_trips_through_its_item() {
        CustomerContact contact = new CustomerContact("order-1", "customer-1", "erika@example.com");

        Map<String, AttributeValue> item = DynamoDbContactBook.toItem(contact, 1_800_000_000L);

        assertThat(item.get("pk").s()).isEqualTo("contact#order-1");
        assertThat(item.get("expiresAt").n()).isEqualTo("1800000000");
        assertThat(DynamoDbContactBook.fromItem(item)).isEqualTo(contact);
    }

    @Test
    void a_sent_item_reads_as_already_sent_and_a_sending_one_as_held_elsewhere() {
        assertThat(DynamoDbDeliveryLog.toClaim(Map.of(
                "pk", AttributeValue.fromS("sent#n-1"),
                "status", AttributeValue.fromS("SENT"),
                "claimedAt", AttributeValue.fromN("1000"),
                "providerMessageId", AttributeValue.fromS("ses-1"),
                "sentAt", AttributeValue.fromN("2000"))))
                .isEqualTo(new Claim.AlreadySent("ses-1", Instant.ofEpochMilli(2000)));
        assertThat(DynamoDbDeliveryLog.toClaim(Map.of(
                "pk", AttributeValue.fromS("sent#n-1"),
                "status", AttributeValue.fromS("SENDING"),
                "claimedAt", AttributeValue.fromN("1000"))))
                .isEqualTo(new Claim.HeldElsewhere(Instant.ofEpochMilli(1000)));
    }

    @Test
    void a_malformed_item_fails_loudly_naming_it() {
        assertThatThrownBy(() -> DynamoDbDeliveryLog.toClaim(Map.of("pk", AttributeValue.fromS("sent#n-1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sent#n-1").hasMessageContaining("status");
    }

    @Test
    void a_recorded_text_keeps_what_would_have_been_sent() {
        Instant at = Instant.parse("2026-11-27T10:15:36Z");

        Map<String, AttributeValue> item = DynamoDbRecordedSmsGateway.toItem(
                new TextMessage("n-1", "order-1", "customer-1", "On its way"), at, Duration.ofDays(1));

        assertThat(item.get("pk").s()).isEqualTo("sms#n-1");
        assertThat(item.get("text").s()).isEqualTo("On its way");
        assertThat(item.get("customerId").s()).isEqualTo("customer-1");
        assertThat(item.get("recordedAt").s()).isEqualTo("2026-11-27T10:15:36Z");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(at.plus(Duration.ofDays(1)).getEpochSecond()));
    }
}
