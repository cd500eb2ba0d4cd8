package com.example.shop.payment.testing;

import com.example.shop.payment.domain.PaymentGateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a gateway to count its calls, and can run something in the middle of a charge, after the
 * provider answered and before the answer is returned: the moment a cancellation can slip in.
 */
public final class CountingGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final List<ChargeRequest> charges = new ArrayList<>();
    private final List<RefundRequest> refunds = new ArrayList<>();
    private Runnable duringNextCharge;

    public CountingGateway(PaymentGateway delegate) {
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

    public List<ChargeRequest> charges() {
        return List.copyOf(charges);
    }

    public List<RefundRequest> refunds() {
        return List.copyOf(refunds);
    }
}
