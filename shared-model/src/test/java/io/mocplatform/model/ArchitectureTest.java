package io.mocplatform.model;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared records are plain Java: how they are stored is the job-store module's business. */
class ArchitectureTest {

    @Test
    void shouldKeepTheSdkOutOfTheSharedRecords() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mocplatform.model");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(classes);
    }
}
