package com.example.shop.payment.testing;

import com.example.shop.payment.domain.PaymentGateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The payment provider as a test watches it: every charge and refund request payment sends,
 * including those the provider could not answer, is written down before it is passed on. It can
 * also run something in the middle of a charge, after the provider answered and before the answer
 * is returned: the moment a cancellation can slip in.
 */
public final class RecordingPaymentGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final List<ChargeRequest> charges = new ArrayList<>();
    private final List<RefundRequest> refunds = new ArrayList<>();
    private Runnable duringNextCharge;

    public RecordingPaymentGateway(PaymentGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        charges.add(request);
        ChargeResult result = delegate.charge(request);
        if (duringNextCharge != null) {
            Runnable action = duringNextCharge;
            duringNextCharge = null;
            action.run();
        }
        return result;
    }

    @Override
    public RefundReceipt refund(RefundRequest request) {
        refunds.add(request);
        return delegate.refund(request);
    }

    /** Runs {@code action} while the next charge is in flight. */
    public void duringNextCharge(Runnable action) {
        this.duringNextCharge = action;
    }

    /** Every charge request sent, in order, answered or not. */
    public List<ChargeRequest> chargeRequests() {
        return List.copyOf(charges);
    }

    /** Every refund request sent, in order, answered or not. */
    public List<RefundRequest> refundRequests() {
        return List.copyOf(refunds);
    }
}
