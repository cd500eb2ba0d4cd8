package com.example.shop.localcloud.saga;

import com.example.shop.payment.domain.PaymentGateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The payment provider as the stories watch it: every charge and refund request payment sends,
 * including those the provider could not answer, is written down before it is passed on.
 */
final class RecordingPaymentGateway implements PaymentGateway {

    private final PaymentGateway provider;
    private final List<ChargeRequest> chargeRequests = new ArrayList<>();
    private final List<RefundRequest> refundRequests = new ArrayList<>();

    RecordingPaymentGateway(PaymentGateway provider) {
        this.provider = provider;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        chargeRequests.add(request);
        return provider.charge(request);
    }

    @Override
    public RefundReceipt refund(RefundRequest request) {
        refundRequests.add(request);
        return provider.refund(request);
    }

    /** Every charge request sent, in order, answered or not. */
    List<ChargeRequest> chargeRequests() {
        return List.copyOf(chargeRequests);
    }

    /** Every refund request sent, in order. */
    List<RefundRequest> refundRequests() {
        return List.copyOf(refundRequests);
    }
}
