package io.mocplatform.model;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared records are plain Java: only the persistence package may know the AWS SDK. */
class ArchitectureTest {

    @Test
    void shouldKeepTheSdkOutOfTheDomainRecords() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mocplatform.model");
        noClasses().that().resideOutsideOfPackage("io.mocplatform.model.persistence..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(classes);
    }
}
