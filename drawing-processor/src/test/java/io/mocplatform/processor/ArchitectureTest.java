package io.mocplatform.processor;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mocplatform.testkit.architecture.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer and naming rules every function module shares (docs/architecture.md, "Names"), and this one's own. */
class ArchitectureTest {

    @Test
    void shouldFollowThePortsAndAdaptersLayoutAndTheNamingTable() {
        HexagonalArchitecture.of("io.mocplatform.processor")
                .withDomainAlsoFreeOf("org.apache.pdfbox..", "org.apache.commons.csv..", "io.github.resilience4j..")
                .check();
    }

    @Test
    void shouldReadPdfsAndCallGeminiOnlyInAdapters() {
        noClasses().that().resideInAPackage("..processor.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "java.net.http..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPath(Path.of("target", "classes")));
    }
}
