package com.example.shop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyConcreteEventInTheSealedHierarchy_isRegistered() {
        List<Class<?>> concrete = new ArrayList<>();
        collectConcreteSubtypes(DomainEvent.class, concrete);

        assertThat(EventTypes.all()).extracting(EventTypes.Registration::javaType)
                .containsExactlyInAnyOrderElementsOf(
                        concrete.stream().map(c -> c.asSubclass(DomainEvent.class)).toList());
    }

    @Test
    void everyTypeName_isTheSimpleNameOfItsRecord() {
        assertThat(EventTypes.all())
                .allSatisfy(r -> assertThat(r.eventType()).isEqualTo(r.javaType().getSimpleName()));
    }

    @Test
    void lookup_whenTypeAndVersionAreRegistered_findsTheRecord() {
        assertThat(EventTypes.lookup("PaymentDeclined", 1)).contains(PaymentDeclined.class);
    }

    @Test
    void lookup_whenTypeIsUnknown_isEmpty() {
        assertThat(EventTypes.lookup("GiftCardIssued", 1)).isEmpty();
        assertThat(EventTypes.isKnown("GiftCardIssued")).isFalse();
    }

    @Test
    void lookup_whenVersionIsUnknown_isEmpty() {
        assertThat(EventTypes.lookup("OrderPlaced", 2)).isEmpty();
        assertThat(EventTypes.isKnown("OrderPlaced")).isTrue();
    }

    @Test
    void currentVersionOf_isTheVersionProducersWrite() {
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
