package com.example.shop.payment.adapter;

import com.example.shop.payment.domain.Payment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every payment state survives the trip to a DynamoDB item and back. */
class DynamoDbPaymentRepositoryTest {

    @ParameterizedTest
    @MethodSource("com.example.shop.payment.testing.PaymentRepositoryContract#everyState")
    void a_payment_round_trips_through_its_item(Payment payment) {
        var item = DynamoDbPaymentRepository.toItem(payment);

        assertThat(item.get("pk").s()).isEqualTo("payment#order-1");
        assertThat(item.get("state").s()).isEqualTo(payment.state().name());
        assertThat(item).doesNotContainKey("expiresAt");
        assertThat(DynamoDbPaymentRepository.fromItem(item)).isEqualTo(payment);
    }
}
