package io.mocplatform.processor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mocplatform.processor");

    @Test
    void shouldKeepTheDomainFreeOfFrameworksSdksAndJson() {
        noClasses().that().resideInAPackage("..processor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.micronaut..",
                        "com.fasterxml..", "org.apache.pdfbox..", "org.apache.commons.csv..", "jakarta..",
                        "io.github.resilience4j..", "com.amazonaws..", "java.net.http..")
                .check(PRODUCTION);
    }

    @Test
    void shouldPointArrowsInward_domainNeverDependsOnApiAdaptersOrConfig() {
        noClasses().that().resideInAPackage("..processor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..processor.api..", "..processor.adapters..",
                        "..processor.config..", "..processor.sample..")
                .check(PRODUCTION);
    }

    @Test
    void shouldKeepAdaptersIndependentOfEachOtherAndOfTheApi() {
        slices().matching("io.mocplatform.processor.adapters.(*)..").should().notDependOnEachOther()
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("..processor.adapters..")
                .should().dependOnClassesThat().resideInAPackage("..processor.api..").check(PRODUCTION);
    }

    @Test
    void shouldReachAwsAndHttpOnlyThroughAdapters() {
        noClasses().that().resideInAnyPackage("..processor.api..", "..processor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..",
                        "org.apache.pdfbox..", "java.net.http..")
                .check(PRODUCTION);
    }

    @Test
    void shouldKeepAdapterImplementationsPackagePrivate() {
        classes().that().resideInAPackage("..processor.adapters..").and().haveSimpleNameNotEndingWith("Configuration")
                .and().areNotInterfaces()
                .and().areTopLevelClasses()
                // Micronaut's generated bean definitions and introspections are public by necessity.
                .and().haveNameNotMatching(".*\\.\\$.*")
                .should().notBePublic().check(PRODUCTION);
    }
}
