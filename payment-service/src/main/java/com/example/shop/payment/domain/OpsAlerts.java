package com.example.shop.payment.domain;

/**
 * The operators' pager: where payment reports what it could not settle on its own, so a human
 * looks at it (and, if needed, reconciles with the provider using the idempotency key).
 */
public interface OpsAlerts {

    /** Reports that payment gave up charging an order. */
    void chargeAbandoned(AbandonedCharge alert);
}
