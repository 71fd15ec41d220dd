package io.mocplatform.processor.adapters.gemini;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.serde.ObjectMapper;
import io.mocplatform.fixtures.drawings.CadCorpus;
import io.mocplatform.fixtures.drawings.CorpusDrawing;
import io.mocplatform.fixtures.drawings.ExpectedDevice;
import io.mocplatform.processor.corpus.CorpusRun;
import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.Component;
import io.mocplatform.processor.domain.DrawingRejectedException;
import io.mocplatform.processor.domain.FailureType;
import io.mocplatform.processor.domain.RetryableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corpus through the Gemini analyser: each drawing's text and first page images go to a WireMock Gemini that
 * answers with the {@code generateContent} response recorded for that drawing ({@code gemini/corpus/<name>.json},
 * written by hand in the API's shape, with what models do: lower-case tags, tags as drawn without the hyphen, a
 * device split over two entries, a repeated or non-existent page number, padding). The schedule must be exactly
 * the corpus's hand-written expectation, so the mapping from model output to schedule is what is tested here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiCorpusTest {

    private static final String PATH = "/v1beta/models/gemini-corpus:generateContent";

    private WireMockServer gemini;
    private CorpusRun run;
    private GeminiDrawingAnalyzer analyzer;

    @BeforeAll
    void start() {
        gemini = new WireMockServer(options().dynamicPort());
        gemini.start();
        run = new CorpusRun();
        GeminiConfiguration config = new GeminiConfiguration("/moc-platform/test/gemini-api-key", "gemini-corpus",
                URI.create(gemini.baseUrl()), Duration.ofSeconds(30), 1, Duration.ofMillis(50),
                Duration.ofMillis(100), 2, 0.30, 2.50, 50, 1000, Duration.ofSeconds(60));
        analyzer = new GeminiDrawingAnalyzer(config, () -> "corpus-key", ObjectMapper.getDefault());
    }

    @AfterAll
    void stop() {
        run.close();
        gemini.stop();
    }

    @BeforeEach
    void reset() {
        gemini.resetAll();
    }

    List<CorpusDrawing> corpus() {
        return CadCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldMapTheRecordedAnswerToExactlyTheExpectedSchedule(CorpusDrawing drawing) {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(recorded(drawing.name()))));

        Analysis analysis = run.analyze(drawing, analyzer);

        assertThat(analysis.components()).map(GeminiCorpusTest::asExpected)
                .containsExactlyInAnyOrderElementsOf(drawing.expected());
        assertThat(analysis.analyzer()).isEqualTo("gemini");
        assertThat(analysis.usage().inputTokens()).isPositive();
        // The request carried this drawing: a tag of its schedule is in the text, and a page image went along.
        gemini.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing(drawing.expected().get(0).tag().split("-")[0]))
                .withRequestBody(containing("\"inlineData\"")));
    }

    @Test
    void shouldFailForGood_whenGeminisFiltersBlockThePrompt() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(recorded("refused/prompt-blocked"))));

        assertThatThrownBy(() -> run.analyze(CadCorpus.named("01-allcaps-definitions"), analyzer))
                .isInstanceOfSatisfying(DrawingRejectedException.class, e -> {
                    assertThat(e.type()).isEqualTo(FailureType.GEMINI_REJECTED);
                    assertThat(e.getMessage()).contains("(OTHER)");
                });
    }

    @Test
    void shouldRejectAsMalformed_whenTheAnswerWasCutOffAtTheTokenLimit() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(recorded("malformed/truncated-max-tokens"))));

        assertThatThrownBy(() -> run.analyze(CadCorpus.named("09-multi-sheet"), analyzer))
                .isInstanceOfSatisfying(RetryableException.class, e -> {
                    assertThat(e.reason()).isEqualTo("gemini_malformed_output");
                    assertThat(e.getMessage()).isEqualTo("Gemini's answer is not the requested JSON");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"component-without-type", "components-missing"})
    void shouldRejectAsMalformed_whenTheAnswerIsPartial(String answer) {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(recorded("malformed/" + answer))));

        assertThatThrownBy(() -> run.analyze(CadCorpus.named("01-allcaps-definitions"), analyzer))
                .isInstanceOfSatisfying(RetryableException.class,
                        e -> assertThat(e.reason()).isEqualTo("gemini_malformed_output"));
    }

    private static ExpectedDevice asExpected(Component component) {
        return new ExpectedDevice(component.tag(), component.type(), component.pages());
    }

    private static String recorded(String name) {
        try (InputStream in = GeminiCorpusTest.class.getResourceAsStream("/gemini/corpus/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no recorded Gemini answer " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
