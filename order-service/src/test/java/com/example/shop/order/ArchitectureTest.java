package com.example.shop.order;

import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.events.EventPublisher;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order service's layers depend inwards only (handler → config → adapter → domain), and the
 * publishing rule of decision record 0001 holds: no domain class sees the publisher, no handler
 * publishes.
 */
class ArchitectureTest {

    private static final String DOMAIN = "com.example.shop.order.domain..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                // Not DO_NOT_INCLUDE_TESTS: it only recognises the default target/ directory.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("com.example.shop.order");
    }

    @Test
    void the_import_sees_the_production_classes_and_no_test_classes() {
        assertThat(production.contain("com.example.shop.order.domain.Order")).isTrue();
        assertThat(production.contain("com.example.shop.order.handler.PlaceOrderHandler")).isTrue();
        assertThat(production.contain(InMemoryOrderRepository.class)).isFalse();
    }

    @Test
    void the_domain_speaks_no_aws_lambda_jackson_or_platform() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.fasterxml..", "com.example.shop.platform..")
                .check(production);
    }

    @Test
    void the_domain_knows_nothing_of_handlers_adapters_or_configuration() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.example.shop.order.handler..", "com.example.shop.order.adapter..",
                        "com.example.shop.order.config..")
                .check(production);
    }

    @Test
    void adapters_do_not_depend_on_handlers() {
        noClasses().that().resideInAPackage("com.example.shop.order.adapter..")
                .should().dependOnClassesThat().resideInAPackage("com.example.shop.order.handler..")
                .check(production);
    }

    @Test
    void handlers_reach_adapters_only_through_the_wiring() {
        noClasses().that().resideInAPackage("com.example.shop.order.handler..")
                .should().dependOnClassesThat().resideInAPackage("com.example.shop.order.adapter..")
                .check(production);
    }

    @Test
    void the_domain_takes_time_and_random_ids_only_from_what_it_is_given() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(production);
    }

    /** Decision record 0001: domains return the events they decide; they never see the bus. */
    @Test
    void the_domain_never_sees_the_event_publisher() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().areAssignableTo(EventPublisher.class)
                .check(production);
    }

    /** Decision record 0001: the platform publishes (StreamOutbox, SqsEventConsumer), never a handler. */
    @Test
    void no_handler_publishes_events_itself() {
        noClasses().that().resideInAPackage("com.example.shop.order.handler..")
                .should().callMethodWhere(target(name("publish")).and(target(owner(assignableTo(EventPublisher.class)))))
                .check(production);
    }
}
