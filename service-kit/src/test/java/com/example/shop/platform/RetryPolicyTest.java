package com.example.shop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void ceiling_doubles_with_every_retry_up_to_the_maximum() {
        assertThat(policy.ceilingBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceilingBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.ceilingBeforeRetry(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.ceilingBeforeRetry(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.ceilingBeforeRetry(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.ceilingBeforeRetry(60)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void delay_is_half_the_ceiling_plus_a_jittered_half() {
        assertThat(policy.delayBeforeRetry(2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBeforeRetry(2, 0.5)).isEqualTo(Duration.ofMillis(150));
        assertThat(policy.delayBeforeRetry(2, 0.999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    }

    @Test
    void delay_when_jitter_is_outside_zero_to_one_rejects() {
        assertThatThrownBy(() -> policy.delayBeforeRetry(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_when_there_is_not_even_one_attempt_rejects_naming_max_attempts() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("maxAttempts");
    }

    @Test
    void constructor_when_max_delay_is_below_base_delay_rejects_naming_max_delay() {
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay");
    }
}
