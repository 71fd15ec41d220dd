package io.mocplatform.reconciler;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows pointing inward: api and adapters depend on the domain, never the other way round. */
class ArchitectureTest {

    // Only this module's compiled classes: scanning the whole classpath for the package costs tens of seconds.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void shouldKeepDomainFreeOfAwsMicronautJsonAndOuterLayers() {
        noClasses().that().resideInAPackage("io.mocplatform.reconciler.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "io.micronaut..", "com.fasterxml..", "net.logstash..", "jakarta..",
                        "io.mocplatform.model.persistence..", "io.mocplatform.function..",
                        "io.mocplatform.reconciler.api..", "io.mocplatform.reconciler.adapters..", "io.mocplatform.reconciler.config..")
                .check(CLASSES);
    }

    @Test
    void shouldKeepAdaptersAndApiApart() {
        noClasses().that().resideInAPackage("io.mocplatform.reconciler.adapters..")
                .should().dependOnClassesThat().resideInAPackage("io.mocplatform.reconciler.api..").check(CLASSES);
        noClasses().that().resideInAPackage("io.mocplatform.reconciler.api..")
                .should().dependOnClassesThat().resideInAPackage("io.mocplatform.reconciler.adapters..").check(CLASSES);
    }

    @Test
    void shouldKeepAdaptersPackagePrivate() {
        // Micronaut's generated bean definitions ($Name$Definition) are public by necessity.
        classes().that().resideInAPackage("io.mocplatform.reconciler.adapters..").and().areTopLevelClasses()
                .and().haveNameNotMatching(".*\\$.*")
                .should().notBePublic().check(CLASSES);
    }
}
