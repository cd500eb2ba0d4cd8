package com.example.shop.localcloud.faults;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    @Test
    void an_empty_switch_fails_nothing() {
        FaultInjection faults = FaultInjection.off();

        assertThat(IntStream.range(0, 1000).mapToObj(i -> faults.plan("ChargePaymentFunction")))
                .allMatch(Optional::isEmpty);
    }

    @Test
    void the_same_seed_fails_the_same_invocations() {
        FaultInjection first = new FaultInjection(7);
        FaultInjection second = new FaultInjection(7);
        first.set(new Fault("*", FaultKind.THROW, 0.2));
        second.set(new Fault("*", FaultKind.THROW, 0.2));

        List<Optional<FaultInjection.Planned>> a = IntStream.range(0, 500).mapToObj(i -> first.plan("ReserveStockFunction")).toList();
        List<Optional<FaultInjection.Planned>> b = IntStream.range(0, 500).mapToObj(i -> second.plan("ReserveStockFunction")).toList();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void another_seed_fails_other_invocations() {
        FaultInjection first = new FaultInjection(7);
        FaultInjection second = new FaultInjection(8);
        first.set(new Fault("*", FaultKind.THROW, 0.2));
        second.set(new Fault("*", FaultKind.THROW, 0.2));

        assertThat(IntStream.range(0, 500).mapToObj(i -> first.plan("ReserveStockFunction")).toList())
                .isNotEqualTo(IntStream.range(0, 500).mapToObj(i -> second.plan("ReserveStockFunction")).toList());
    }

    @Test
    void a_rate_of_a_fifth_fails_about_a_fifth_half_before_and_half_after_the_handler() {
        FaultInjection faults = FaultInjection.off();
        faults.set(new Fault("ChargePaymentFunction", FaultKind.THROW, 0.2));

        List<FaultInjection.Planned> failed = IntStream.range(0, 10_000).mapToObj(i -> faults.plan("ChargePaymentFunction"))
                .flatMap(Optional::stream).toList();

        assertThat(failed).hasSizeBetween(1_850, 2_150);
        assertThat(failed.stream().filter(p -> p.moment() == FaultInjection.Moment.BEFORE_HANDLER).count())
                .isBetween(850L, 1_150L);
        assertThat(faults.injected().get(FaultKind.THROW)).isEqualTo(failed.size());
    }

    @Test
    void a_fault_hits_only_its_target() {
        FaultInjection faults = FaultInjection.off();
        faults.set(new Fault("ChargePaymentFunction", FaultKind.TIMEOUT, 1.0));

        assertThat(faults.plan("ChargePaymentFunction")).map(FaultInjection.Planned::kind).contains(FaultKind.TIMEOUT);
        assertThat(faults.plan("RefundPaymentFunction")).isEmpty();
    }

    @Test
    void a_functions_own_fault_wins_over_the_one_for_every_function() {
        FaultInjection faults = FaultInjection.off();
        faults.set(new Fault("*", FaultKind.THROW, 1.0));
        faults.set(new Fault("ChargePaymentFunction", FaultKind.THROW, 0.0001));

        assertThat(faults.plan("ReserveStockFunction")).isPresent();
        assertThat(IntStream.range(0, 100).mapToObj(i -> faults.plan("ChargePaymentFunction")))
                .as("rate 0.0001 of its own, not * 's 1.0").filteredOn(Optional::isPresent).hasSizeLessThan(3);
    }

    @Test
    void setting_a_rate_of_zero_removes_the_fault_and_clear_removes_all() {
        FaultInjection faults = FaultInjection.off();
        faults.set(new Fault("ChargePaymentFunction", FaultKind.THROW, 0.2));
        faults.set(new Fault("*", FaultKind.THROTTLE, 0.05));

        assertThat(faults.set(new Fault("ChargePaymentFunction", FaultKind.THROW, 0.5)))
                .containsExactly(new Fault("*", FaultKind.THROTTLE, 0.05), new Fault("ChargePaymentFunction", FaultKind.THROW, 0.5));
        assertThat(faults.set(new Fault("ChargePaymentFunction", FaultKind.THROW, 0)))
                .containsExactly(new Fault("*", FaultKind.THROTTLE, 0.05));
        assertThat(faults.clear()).isEmpty();
        assertThat(faults.plan("ChargePaymentFunction")).isEmpty();
    }

    @Test
    void the_run_commands_form_is_parsed_and_bad_forms_are_refused() {
        assertThat(Fault.parse("ChargePaymentFunction:THROW:0.2")).isEqualTo(new Fault("ChargePaymentFunction", FaultKind.THROW, 0.2));
        assertThat(Fault.parse(" *:throttle:0.05")).isEqualTo(new Fault("*", FaultKind.THROTTLE, 0.05));
        assertThatThrownBy(() -> Fault.parse("*:EXPLODE:0.1")).hasMessageContaining("THROW, TIMEOUT or THROTTLE");
        assertThatThrownBy(() -> Fault.parse("*:THROW:1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Fault.parse("*:THROW")).hasMessageContaining("target:KIND:rate");
        assertThatThrownBy(() -> Fault.parse("a b:THROW:0.1")).hasMessageContaining("logical id");
    }

    @Test
    void a_timeout_fails_after_a_twentieth_of_the_configured_timeout() {
        assertThat(FaultInjection.timeoutStandIn(20)).hasMillis(1000);
        assertThat(FaultInjection.timeoutStandIn(29)).hasMillis(1450);
    }
}
