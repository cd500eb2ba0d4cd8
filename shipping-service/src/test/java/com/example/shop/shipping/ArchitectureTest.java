package com.example.shop.shipping;

import com.example.shop.events.EventPublisher;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the service's layers (see each layer's package-info). */
class ArchitectureTest {

    private static final JavaClasses SHIPPING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.example.shop.shipping");

    @Test
    void the_domain_speaks_no_aws_lambda_or_jackson() {
        noClasses().that().resideInAPackage("..shipping.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.fasterxml..",
                        "com.example.shop.platform..", "com.example.shop.events.codec..")
                .check(SHIPPING);
    }

    @Test
    void the_domain_depends_on_no_outer_layer() {
        noClasses().that().resideInAPackage("..shipping.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..shipping.handler..", "..shipping.adapter..", "..shipping.config..")
                .check(SHIPPING);
    }

    @Test
    void adapters_serve_the_domain_and_know_nothing_of_handlers_or_wiring() {
        noClasses().that().resideInAPackage("..shipping.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("..shipping.handler..", "..shipping.config..")
                .check(SHIPPING);
    }

    @Test
    void handlers_reach_adapters_only_through_the_wiring() {
        noClasses().that().resideInAPackage("..shipping.handler..")
                .should().dependOnClassesThat().resideInAnyPackage("..shipping.adapter..", "software.amazon.awssdk..")
                .check(SHIPPING);
    }

    @Test
    void the_wiring_is_not_used_by_the_domain_or_adapters() {
        noClasses().that().resideInAnyPackage("..shipping.config..")
                .should().dependOnClassesThat().resideInAPackage("..shipping.handler..")
                .check(SHIPPING);
    }

    /**
     * The publishing rule (docs/decisions/0001-announcing-events.md): a use case returns the events
     * it decides, in an outcome that {@code Announces} them, and never sees the bus.
     */
    @Test
    void the_domain_never_sees_the_event_publisher() {
        noClasses().that().resideInAPackage("..shipping.domain..")
                .should().dependOnClassesThat().areAssignableTo(EventPublisher.class)
                .check(SHIPPING);
    }

    /** The platform's consumer publishes what a use case announces; a handler never publishes itself. */
    @Test
    void handlers_leave_publishing_to_the_platform() {
        noClasses().that().resideInAPackage("..shipping.handler..")
                .should().callMethodWhere(target(owner(assignableTo(EventPublisher.class))).and(target(name("publish"))))
                .check(SHIPPING);
    }
}
