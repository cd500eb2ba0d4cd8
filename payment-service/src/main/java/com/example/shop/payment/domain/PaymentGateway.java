package com.example.shop.payment.domain;

import com.example.shop.events.Money;

import java.util.Objects;

/**
 * The payment provider that moves the money, as payment needs it: charge an order, refund a
 * charge.
 *
 * <p>Both calls carry an idempotency key (the order id). The provider answers a repeated key with
 * the result it gave the first time and never moves money twice, so a call repeated after a crash
 * (the charge went through, the function died before recording it) is safe.
 */
public interface PaymentGateway {

    /**
     * Asks the provider to charge.
     *
     * @return approved with the provider's charge id, or declined with the provider's reason
     * @throws PaymentProviderUnavailableException when the provider cannot answer now
     */
    ChargeResult charge(ChargeRequest request);

    /**
     * Gives an approved charge back.
     *
     * @throws PaymentProviderUnavailableException when the provider cannot answer now
     */
    RefundReceipt refund(RefundRequest request);

    /**
     * A request to charge.
     *
     * @param idempotencyKey the same for every attempt at the same charge: the order id
     * @param amount what to charge
     * @param paymentMethodRef the opaque reference to the customer's stored payment method
     */
    record ChargeRequest(String idempotencyKey, Money amount, String paymentMethodRef) {
        public ChargeRequest {
            requireText(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(amount, "amount");
            requireText(paymentMethodRef, "paymentMethodRef");
        }
    }

    /** What the provider said to a charge. */
    sealed interface ChargeResult permits Approved, Declined {
    }

    /** The money was taken; {@code chargeId} names the charge at the provider. */
    record Approved(String chargeId) implements ChargeResult {
        public Approved {
            requireText(chargeId, "chargeId");
        }
    }

    /** The provider refused, for a reason that may be shown to the customer. */
    record Declined(String reason) implements ChargeResult {
        public Declined {
            requireText(reason, "reason");
        }
    }

    /**
     * A request to give a charge back in full.
     *
     * @param idempotencyKey the same for every attempt at the same refund: the order id
     * @param chargeId the provider's id of the charge
     * @param amount the amount charged
     */
    record RefundRequest(String idempotencyKey, String chargeId, Money amount) {
        public RefundRequest {
            requireText(idempotencyKey, "idempotencyKey");
            requireText(chargeId, "chargeId");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The provider's confirmation of a refund. */
    record RefundReceipt(String refundId) {
        public RefundReceipt {
            requireText(refundId, "refundId");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
