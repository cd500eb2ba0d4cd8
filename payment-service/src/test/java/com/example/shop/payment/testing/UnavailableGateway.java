package com.example.shop.payment.testing;

import com.example.shop.payment.domain.PaymentGateway;
import com.example.shop.payment.domain.PaymentProviderUnavailableException;

/** A provider in the middle of an outage: every call means "retry later". */
public final class UnavailableGateway implements PaymentGateway {

    @Override
    public ChargeResult charge(ChargeRequest request) {
        throw new PaymentProviderUnavailableException("simulated outage");
    }

    @Override
    public RefundReceipt refund(RefundRequest request) {
        throw new PaymentProviderUnavailableException("simulated outage");
    }
}
