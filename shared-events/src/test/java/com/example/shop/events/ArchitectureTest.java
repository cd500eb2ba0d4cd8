package com.example.shop.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;

class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                // Not DO_NOT_INCLUDE_TESTS: it only knows the default target/ directory name.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("com.example.shop.events");
    }

    @Test
    void the_contract_speaks_no_aws() {
        noClasses().that().resideInAPackage("com.example.shop.events..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(production);
    }

    @Test
    void the_event_contract_is_plain_java_without_jackson() {
        noClasses().that().resideInAPackage("com.example.shop.events")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(production);
    }

    @Test
    void every_concrete_event_is_a_record() {
        classes().that().areAssignableTo(DomainEvent.class).and().areNotInterfaces()
                .should().beRecords()
                .check(production);
    }

    @Test
    void every_class_of_the_contract_is_final_with_only_final_fields() {
        classes().that().resideInAPackage("com.example.shop.events").and().areNotInterfaces()
                .should().haveModifier(JavaModifier.FINAL)
                .andShould().haveOnlyFinalFields()
                .check(production);
    }
}
