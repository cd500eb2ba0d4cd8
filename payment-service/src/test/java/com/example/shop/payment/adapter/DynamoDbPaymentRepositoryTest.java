package com.example.shop.payment.adapter;

import com.example.shop.events.Announcement;
import com.example.shop.events.Money;
import com.example.shop.payment.domain.Payment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every payment state survives the trip to a DynamoDB item and back. */
class DynamoDbPaymentRepositoryTest {

    private static final Money AMOUNT = new Money(5030, "EUR");
    private static final Announcement ANNOUNCED = new Announcement("00000000-0000-4000-8000-000000000001",
            Instant.parse("2026-11-27T10:15:32.123Z"));

    static Stream<Payment> everyState() {
        Payment.Charging charging = Payment.start("order-1", "customer-1", AMOUNT);
        return Stream.of(
                charging,
                charging.charged("ch_1", ANNOUNCED),
                charging.declined("insufficient-funds", ANNOUNCED),
                charging.abandoned("payment provider unavailable after 5 attempts", ANNOUNCED),
                charging.cancelled(),
                Payment.cancelledBeforeCharge("order-1", "customer-1"),
                charging.charged("ch_1", ANNOUNCED).refunded("re_1", ANNOUNCED));
    }

    @ParameterizedTest
    @MethodSource("everyState")
    void a_payment_round_trips_through_its_item(Payment payment) {
        var item = DynamoDbPaymentRepository.toItem(payment);

        assertThat(item.get("pk").s()).isEqualTo("payment#order-1");
        assertThat(item.get("state").s()).isEqualTo(payment.state().name());
        assertThat(item).doesNotContainKey("expiresAt");
        assertThat(DynamoDbPaymentRepository.fromItem(item)).isEqualTo(payment);
    }
}
