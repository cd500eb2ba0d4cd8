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
    void theContract_speaksNoAws() {
        noClasses().that().resideInAPackage("com.example.shop.events..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(production);
    }

    @Test
    void theEventContract_isPlainJavaWithoutJackson() {
        noClasses().that().resideInAPackage("com.example.shop.events")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(production);
    }

    @Test
    void everyConcreteEvent_isARecord() {
        classes().that().areAssignableTo(DomainEvent.class).and().areNotInterfaces()
                .should().beRecords()
                .check(production);
    }

    @Test
    void everyClassOfTheContract_isFinalWithOnlyFinalFields() {
        classes().that().resideInAPackage("com.example.shop.events").and().areNotInterfaces()
                .should().haveModifier(JavaModifier.FINAL)
                .andShould().haveOnlyFinalFields()
                .check(production);
    }
}
