package com.example.shop.catalog;

import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.events.EventPublisher;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the catalog service's dependencies pointing inward: handler → config → adapter → domain,
 * with the domain free of AWS, Lambda, Jackson and the Lambda plumbing; and the shop's publishing
 * rule (decision record 0001): the domain never sees the publisher, and no handler publishes
 * itself (the outbox, {@code StreamOutbox}, does).
 */
class ArchitectureTest {

    private static final String DOMAIN = "com.example.shop.catalog.domain..";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            // Test classes live in <build dir>/test-classes, whatever the build dir is called.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("com.example.shop.catalog");

    @Test
    void the_import_sees_the_production_classes_and_no_test_classes() {
        assertThat(PRODUCTION.contain("com.example.shop.catalog.domain.CatalogProjector")).isTrue();
        assertThat(PRODUCTION.contain("com.example.shop.catalog.handler.ProjectCatalogHandler")).isTrue();
        assertThat(PRODUCTION.contain(InMemoryCatalogRepository.class)).isFalse();
    }

    @Test
    void the_domain_speaks_no_aws_lambda_jackson_or_platform() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "com.fasterxml..", "com.example.shop.platform..",
                        "com.example.shop.events.codec..")
                .check(PRODUCTION);
    }

    @Test
    void the_domain_knows_no_outer_layer() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.example.shop.catalog.handler..", "com.example.shop.catalog.adapter..",
                        "com.example.shop.catalog.config..")
                .check(PRODUCTION);
    }

    @Test
    void adapters_implement_the_domain_without_knowing_handlers_or_wiring() {
        noClasses().that().resideInAPackage("com.example.shop.catalog.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.example.shop.catalog.handler..", "com.example.shop.catalog.config..")
                .check(PRODUCTION);
    }

    @Test
    void handlers_reach_adapters_and_the_aws_sdk_only_through_the_wiring() {
        noClasses().that().resideInAPackage("com.example.shop.catalog.handler..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.example.shop.catalog.adapter..", "software.amazon.awssdk..")
                .check(PRODUCTION);
    }

    @Test
    void the_domain_takes_time_and_random_ids_only_from_what_it_is_given() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(PRODUCTION);
    }

    @Test
    void the_domain_never_sees_the_event_publisher() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().areAssignableTo(EventPublisher.class)
                .check(PRODUCTION);
    }

    @Test
    void no_handler_publishes_itself() {
        noClasses().that().resideInAPackage("com.example.shop.catalog.handler..")
                .should().callMethodWhere(target(owner(assignableTo(EventPublisher.class))).and(target(name("publish"))))
                .check(PRODUCTION);
    }
}
