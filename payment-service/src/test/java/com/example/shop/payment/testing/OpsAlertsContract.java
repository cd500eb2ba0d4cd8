package com.example.shop.payment.testing;

import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.OpsAlerts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link OpsAlerts} does, the recording fake as much as the SNS adapter: an alert that
 * is raised reaches the operators with everything they need to act on it (the order, the
 * customer, the event, the saga, the receive count, the idempotency key and what payment did).
 * A subclass supplies the alerts and a way to read what reached the operators.
 */
public abstract class OpsAlertsContract {

    private OpsAlerts alerts;

    /** Fresh alerts, nothing raised yet. */
    protected abstract OpsAlerts newAlerts();

    /** What reached the operators so far, in the order raised. */
    protected abstract List<AbandonedCharge> receivedByOperators();

    @BeforeEach
    void freshAlerts() {
        alerts = newAlerts();
    }

    @Test
    void an_abandoned_charge_reaches_the_operators_with_all_they_need() {
        var alert = new AbandonedCharge("order-1", "customer-1", "00000000-0000-4000-8000-000000000001",
                "corr-1", 6, "PaymentFailed announced: payment provider unavailable after 5 attempts");

        alerts.chargeAbandoned(alert);

        assertThat(receivedByOperators()).containsExactly(alert);
    }

    @Test
    void each_alert_raised_is_delivered() {
        var first = new AbandonedCharge("order-1", "customer-1", "00000000-0000-4000-8000-000000000001",
                "corr-1", 6, "the order was cancelled meanwhile; nothing announced");
        var second = new AbandonedCharge("order-2", "customer-2", "00000000-0000-4000-8000-000000000002",
                "corr-2", 7, "the payment had been settled after all; PaymentCharged announced again");

        alerts.chargeAbandoned(first);
        alerts.chargeAbandoned(second);

        assertThat(receivedByOperators()).containsExactlyInAnyOrder(first, second);
    }
}
