package com.example.shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void every_concrete_event_in_the_sealed_hierarchy_is_registered() {
        List<Class<?>> concrete = new ArrayList<>();
        collectConcreteSubtypes(DomainEvent.class, concrete);

        assertThat(EventTypes.all()).extracting(EventTypes.Registration::javaType)
                .containsExactlyInAnyOrderElementsOf(
                        concrete.stream().map(c -> c.asSubclass(DomainEvent.class)).toList());
    }

    @Test
    void every_type_name_is_the_simple_name_of_its_record() {
        assertThat(EventTypes.all())
                .allSatisfy(r -> assertThat(r.eventType()).isEqualTo(r.javaType().getSimpleName()));
    }

    @Test
    void lookup_when_type_and_version_are_registered_finds_the_record() {
        assertThat(EventTypes.lookup("PaymentDeclined", 1)).contains(PaymentDeclined.class);
    }

    @Test
    void lookup_when_type_is_unknown_is_empty() {
        assertThat(EventTypes.lookup("GiftCardIssued", 1)).isEmpty();
        assertThat(EventTypes.isKnown("GiftCardIssued")).isFalse();
    }

    @Test
    void lookup_when_version_is_unknown_is_empty() {
        assertThat(EventTypes.lookup("OrderPlaced", 2)).isEmpty();
        assertThat(EventTypes.isKnown("OrderPlaced")).isTrue();
    }

    @Test
    void current_version_of_is_the_version_producers_write() {
        assertThat(EventTypes.currentVersionOf(ShipmentScheduled.class)).isEqualTo(1);
        assertThat(EventTypes.eventTypeOf(ShipmentScheduled.class)).isEqualTo("ShipmentScheduled");
    }

    private static void collectConcreteSubtypes(Class<?> type, List<Class<?>> into) {
        if (!type.isInterface()) {
            into.add(type);
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            collectConcreteSubtypes(permitted, into);
        }
    }
}
