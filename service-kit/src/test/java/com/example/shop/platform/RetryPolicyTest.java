package com.example.shop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void ceiling_doublesWithEveryRetryUpToTheMaximum() {
        assertThat(policy.ceilingBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceilingBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.ceilingBeforeRetry(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.ceilingBeforeRetry(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.ceilingBeforeRetry(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.ceilingBeforeRetry(60)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void delay_isHalfTheCeilingPlusAJitteredHalf() {
        assertThat(policy.delayBeforeRetry(2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBeforeRetry(2, 0.5)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy.delayBeforeRetry(2, 0.999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    }

    @Test
    void delay_whenJitterIsOutsideZeroToOne_rejects() {
        assertThatThrownBy(() -> policy.delayBeforeRetry(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_whenThereIsNotEvenOneAttempt_rejectsNamingMaxAttempts() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("maxAttempts");
    }

    @Test
    void constructor_whenMaxDelayIsBelowBaseDelay_rejectsNamingMaxDelay() {
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay");
    }
}
