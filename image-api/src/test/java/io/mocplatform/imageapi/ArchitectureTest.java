package io.mocplatform.imageapi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows pointing inward: api and adapters depend on the domain, never the other way round. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mocplatform.imageapi");

    @Test
    void domainShouldKnowNoSdkNoHttpNoJsonAndNoOuterLayer() {
        noClasses().that().resideInAPackage("..imageapi.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.micronaut..",
                        "com.fasterxml..", "com.drew..", "jakarta..", "..imageapi.api..", "..imageapi.adapters..",
                        "..imageapi.config..")
                .check(CLASSES);
    }

    @Test
    void apiShouldNotReachIntoAdapters() {
        noClasses().that().resideInAPackage("..imageapi.api..")
                .should().dependOnClassesThat().resideInAPackage("..imageapi.adapters..").check(CLASSES);
    }

    @Test
    void adaptersShouldNotDependOnTheApiOrEachOther() {
        noClasses().that().resideInAPackage("..imageapi.adapters..")
                .should().dependOnClassesThat().resideInAPackage("..imageapi.api..").check(CLASSES);
        noClasses().that().resideInAPackage("..imageapi.adapters.s3..")
                .should().dependOnClassesThat().resideInAnyPackage("..imageapi.adapters.dynamodb..",
                        "..imageapi.adapters.metadata..").check(CLASSES);
        noClasses().that().resideInAPackage("..imageapi.adapters.dynamodb..")
                .should().dependOnClassesThat().resideInAnyPackage("..imageapi.adapters.s3..",
                        "..imageapi.adapters.metadata..").check(CLASSES);
    }

    @Test
    void adaptersShouldBePackagePrivate() {
        classes().that().resideInAPackage("..imageapi.adapters..").and().areTopLevelClasses()
                // Micronaut's generated bean definitions ($Foo$Definition) are public by design.
                .and().haveNameNotMatching(".*\\.\\$.*")
                .should().notBePublic().check(CLASSES);
    }
}
