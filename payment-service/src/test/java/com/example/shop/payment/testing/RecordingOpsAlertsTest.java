package com.example.shop.payment.testing;

import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.OpsAlerts;

import java.util.List;

/** The recording fake keeps the ops-alerts contract. */
class RecordingOpsAlertsTest extends OpsAlertsContract {

    private RecordingOpsAlerts alerts;

    @Override
    protected OpsAlerts newAlerts() {
        alerts = new RecordingOpsAlerts();
        return alerts;
    }

    @Override
    protected List<AbandonedCharge> receivedByOperators() {
        return alerts.raised();
    }
}
