package io.mocplatform.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The shared rules catch what they promise: a fixture module that breaks each rule once fails with every broken
 * rule named (rules that select classes by a type's name would otherwise pass silently if that name were wrong),
 * and a fixture that keeps them passes.
 */
class HexagonalArchitectureTest {

    private static final String FIXTURES = "io.mocplatform.testkit.architecture.";

    @Test
    void shouldNameEveryBrokenRule_inAModuleThatBreaksEachOnce() {
        String root = FIXTURES + "broken";
        JavaClasses classes = new ClassFileImporter().importPackages(root);

        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> HexagonalArchitecture.of(root).check(classes));

        assertThat(failure.getMessage())
                .contains("frameworks, SDKs and wire formats stay outside it", "Order.java")
                .contains("dependencies point inward")
                .contains("the api reaches the outside world only through the domain's ports")
                .contains("the domain's ports are the only way into an adapter", "OrderStore")
                .contains("OrderRefused> does not have simple name ending with 'Exception'")
                .contains("Wiring> does not have simple name ending with 'Factory'")
                .contains("OrderProcessor> does not have simple name ending with 'Consumer'");
    }

    @Test
    void shouldPassAModuleThatKeepsThem() {
        String root = FIXTURES + "sound";
        JavaClasses classes = new ClassFileImporter().importPackages(root);

        assertThatCode(() -> HexagonalArchitecture.of(root).check(classes)).doesNotThrowAnyException();
    }
}
