package io.mocplatform.jobapi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** Keeps the arrows pointing inward: api and adapters depend on the domain, never the other way. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.mocplatform.jobapi");

    @Test
    void shouldKeepTheDomainFreeOfAwsHttpAndJson() {
        noClasses().that().resideInAPackage("..jobapi.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "io.micronaut..", "jakarta.inject..", "com.fasterxml.jackson.databind..",
                        "io.mocplatform.api..", "io.mocplatform.function..")
                .check(CLASSES);
    }

    @Test
    void shouldLetDependenciesPointInwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy("..jobapi.api..")
                .layer("domain").definedBy("..jobapi.domain..")
                .layer("adapters").definedBy("..jobapi.adapters..")
                .layer("config").definedBy("..jobapi.config..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("adapters").mayNotBeAccessedByAnyLayer()
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "adapters", "config")
                .check(CLASSES);
    }

    @Test
    void shouldKeepAdaptersPackagePrivate() {
        // Micronaut's generated bean definitions ($...$Definition) are public by necessity.
        classes().that().resideInAPackage("..jobapi.adapters..").and().areTopLevelClasses()
                .and().haveNameNotMatching(".*\\.\\$.*")
                .should().notBePublic().check(CLASSES);
    }
}
