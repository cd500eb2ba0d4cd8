package com.example.shop.payment.testing;

import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.OpsAlerts;

import java.util.ArrayList;
import java.util.List;

/** Collects the alerts raised; can be told to fail the next one, as an unreachable topic would. */
public final class RecordingOpsAlerts implements OpsAlerts {

    private final List<AbandonedCharge> raised = new ArrayList<>();
    private boolean failNext;

    @Override
    public synchronized void chargeAbandoned(AbandonedCharge alert) {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("simulated: ops-alerts topic unreachable");
        }
        raised.add(alert);
    }

    public synchronized void failNext() {
        failNext = true;
    }

    public synchronized List<AbandonedCharge> raised() {
        return List.copyOf(raised);
    }
}
