package com.example.shop.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DeliveryLog} does, the in-memory fake as much as the DynamoDB adapter: one
 * claim at a time, a sent mail reported to every later attempt, an abandoned claim taken over,
 * and a claim released only by its owner.
 */
public abstract class DeliveryLogContract {

    /** A delivery log with no entries. */
    protected abstract DeliveryLog emptyDeliveryLog();

    @Test
    void the_delivery_log_grants_one_claim_and_then_reports_the_sent_mail() {
        DeliveryLog log = emptyDeliveryLog();
        Instant t0 = Instant.parse("2026-11-27T10:15:36.123Z");

        Claim first = log.claim("n-1", t0, t0.minusSeconds(60));
        Claim concurrent = log.claim("n-1", t0.plusMillis(5), t0.plusMillis(5).minusSeconds(60));

        assertThat(first).isEqualTo(new Claim.Granted(t0));
        assertThat(concurrent).isEqualTo(new Claim.HeldElsewhere(t0));

        log.markSent("n-1", (Claim.Granted) first, "ses-1", t0.plusMillis(40));

        assertThat(log.claim("n-1", t0.plusSeconds(600), t0.plusSeconds(540)))
                .isEqualTo(new Claim.AlreadySent("ses-1", t0.plusMillis(40)));
    }

    @Test
    void an_abandoned_claim_is_taken_over_and_only_its_owner_can_release_it() {
        DeliveryLog log = emptyDeliveryLog();
        Instant t0 = Instant.parse("2026-11-27T10:15:36Z");
        Claim.Granted dead = (Claim.Granted) log.claim("n-1", t0, t0.minusSeconds(60));

        Instant later = t0.plusSeconds(61);
        Claim takeover = log.claim("n-1", later, later.minusSeconds(60));
        log.release("n-1", dead);

        assertThat(takeover).isEqualTo(new Claim.Granted(later));
        assertThat(log.claim("n-1", later.plusSeconds(1), later.plusSeconds(1).minusSeconds(60)))
                .isEqualTo(new Claim.HeldElsewhere(later));

        log.release("n-1", (Claim.Granted) takeover);

        assertThat(log.claim("n-1", later.plusSeconds(2), later.plusSeconds(2).minusSeconds(60)))
                .isInstanceOf(Claim.Granted.class);
    }

    @Test
    void each_notification_is_claimed_on_its_own() {
        DeliveryLog log = emptyDeliveryLog();
        Instant t0 = Instant.parse("2026-11-27T10:15:36Z");

        assertThat(log.claim("n-1", t0, t0.minusSeconds(60))).isEqualTo(new Claim.Granted(t0));
        assertThat(log.claim("n-2", t0, t0.minusSeconds(60))).isEqualTo(new Claim.Granted(t0));
    }
}
