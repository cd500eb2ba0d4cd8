package com.example.shop.notification;

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

/**
 * The dependency rules of the service's layers (see each layer's package-info), and the shop's
 * publishing rule (decision record 0001): the domain never sees the event publisher, and no
 * handler publishes itself (the platform's consumer does).
 */
class ArchitectureTest {

    /**
     * Production classes only. ArchUnit's predefined option recognises {@code target/test-classes}
     * but not the per-build directories ({@code -Dbuild.dirName=target-<name>}), so the test
     * output is excluded by its last path segment instead.
     */
    private static final ImportOption PRODUCTION_CLASSES = location -> !location.contains("/test-classes/");

    private static final JavaClasses NOTIFICATION = new ClassFileImporter()
            .withImportOption(PRODUCTION_CLASSES)
            .importPackages("com.example.shop.notification");

    @Test
    void the_domain_speaks_no_aws_lambda_or_jackson() {
        noClasses().that().resideInAPackage("..notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.fasterxml..",
                        "com.example.shop.platform..", "com.example.shop.events.codec..")
                .check(NOTIFICATION);
    }

    @Test
    void the_domain_depends_on_no_outer_layer() {
        noClasses().that().resideInAPackage("..notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..notification.handler..", "..notification.adapter..", "..notification.config..")
                .check(NOTIFICATION);
    }

    @Test
    void adapters_serve_the_domain_and_know_nothing_of_handlers_or_wiring() {
        noClasses().that().resideInAPackage("..notification.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("..notification.handler..", "..notification.config..")
                .check(NOTIFICATION);
    }

    @Test
    void handlers_reach_adapters_only_through_the_wiring() {
        noClasses().that().resideInAPackage("..notification.handler..")
                .should().dependOnClassesThat().resideInAnyPackage("..notification.adapter..", "software.amazon.awssdk..")
                .check(NOTIFICATION);
    }

    @Test
    void the_wiring_is_not_used_by_the_domain_or_adapters() {
        noClasses().that().resideInAnyPackage("..notification.config..")
                .should().dependOnClassesThat().resideInAPackage("..notification.handler..")
                .check(NOTIFICATION);
    }

    @Test
    void the_domain_never_sees_the_event_publisher() {
        noClasses().that().resideInAPackage("..notification.domain..")
                .should().dependOnClassesThat().areAssignableTo(EventPublisher.class)
                .check(NOTIFICATION);
    }

    @Test
    void no_handler_publishes_itself() {
        noClasses().that().resideInAPackage("..notification.handler..")
                .should().callMethodWhere(target(owner(assignableTo(EventPublisher.class))).and(target(name("publish"))))
                .check(NOTIFICATION);
    }
}
