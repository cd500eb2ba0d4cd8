package com.example.shop.inventory;

import com.example.shop.events.EventPublisher;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the inventory service's dependencies pointing inward: handler → config → adapter →
 * domain, with the domain free of AWS, Lambda, Jackson and the Lambda plumbing; and keeps the
 * publishing rule (docs/decisions/0001-announcing-events.md): use cases return what they announce
 * and the platform publishes it.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            // Test classes live in <build dir>/test-classes, whatever the build dir is called.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("com.example.shop.inventory");

    @Test
    void the_domain_speaks_no_aws_lambda_or_jackson() {
        noClasses().that().resideInAPackage("..inventory.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.fasterxml..", "com.example.shop.platform..",
                        "com.example.shop.events.codec..")
                .check(CLASSES);
    }

    @Test
    void the_domain_knows_no_outer_layer() {
        noClasses().that().resideInAPackage("..inventory.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..inventory.handler..", "..inventory.adapter..", "..inventory.config..")
                .check(CLASSES);
    }

    @Test
    void adapters_implement_the_domain_without_knowing_handlers_or_wiring() {
        noClasses().that().resideInAPackage("..inventory.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("..inventory.handler..", "..inventory.config..")
                .check(CLASSES);
    }

    @Test
    void handlers_reach_adapters_only_through_the_wiring() {
        noClasses().that().resideInAPackage("..inventory.handler..")
                .should().dependOnClassesThat().resideInAnyPackage("..inventory.adapter..", "software.amazon.awssdk..")
                .check(CLASSES);
    }

    @Test
    void the_domain_never_sees_the_publisher() {
        noClasses().that().resideInAPackage("..inventory.domain..")
                .should().dependOnClassesThat().areAssignableTo(EventPublisher.class)
                .because("a use case returns the events it decides (Announces); the platform publishes them")
                .check(CLASSES);
    }

    @Test
    void handlers_leave_publishing_to_the_platform() {
        noClasses().that().resideInAPackage("..inventory.handler..")
                .should().callMethodWhere(target(name("publish")).and(target(owner(assignableTo(EventPublisher.class)))))
                .because("SqsEventConsumer publishes what a route announces, then marks the event processed")
                .check(CLASSES);
    }
}
