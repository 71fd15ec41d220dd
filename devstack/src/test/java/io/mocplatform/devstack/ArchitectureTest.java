package io.mocplatform.devstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.mocplatform.devstack");

    @Test
    void shouldKeepTheHostSelfContained_becauseItIsDefinedInsideEachFunctionsClassLoader() {
        classes().that().resideInAPackage("..devstack.lambda.host..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..devstack.lambda.host..", "java..",
                        "io.micronaut..", "com.amazonaws.services.lambda.runtime")
                .check(classes);
    }

    @Test
    void shouldUseMicronautOnlyInTheHost_becauseTheFunctionsBringTheirOwn() {
        noClasses().that().resideOutsideOfPackage("..devstack.lambda.host..")
                .should().dependOnClassesThat().resideInAPackage("io.micronaut..")
                .check(classes);
    }

    @Test
    void shouldKeepTheDemoAPlainApiClient() {
        noClasses().that().resideInAPackage("..devstack.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("..devstack.gateway..", "..devstack.lambda..",
                        "..devstack.sqs..", "io.mocplatform.testkit..", "software.amazon..")
                .check(classes);
    }

    @Test
    void shouldKeepTheFrontAndThePollerIndependentOfEachOther() {
        noClasses().that().resideInAPackage("..devstack.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("..devstack.sqs..", "..devstack.sns..")
                .check(classes);
        noClasses().that().resideInAPackage("..devstack.sqs..")
                .should().dependOnClassesThat().resideInAnyPackage("..devstack.gateway..", "..devstack.sns..")
                .check(classes);
    }
}
