package io.mocplatform.processor.corpus;

import io.mocplatform.fixtures.drawings.CadCorpus;
import io.mocplatform.fixtures.drawings.CorpusDrawing;
import io.mocplatform.fixtures.drawings.ExpectedDevice;
import io.mocplatform.processor.domain.Component;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline analyser against every drawing of the CAD-style corpus: exactly the hand-written schedule. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineCorpusTest {

    private CorpusRun run;

    @BeforeAll
    void start() {
        run = new CorpusRun();
    }

    @AfterAll
    void stop() {
        run.close();
    }

    List<CorpusDrawing> corpus() {
        return CadCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldFindExactlyTheExpectedSchedule(CorpusDrawing drawing) {
        List<ExpectedDevice> found = run.analyze(drawing).components().stream()
                .map(OfflineCorpusTest::asExpected).toList();

        assertThat(found).containsExactlyInAnyOrderElementsOf(drawing.expected());
    }

    private static ExpectedDevice asExpected(Component component) {
        return new ExpectedDevice(component.tag(), component.type(), component.pages());
    }
}
