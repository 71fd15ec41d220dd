package io.mocplatform.processor.adapters.gemini;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.serde.ObjectMapper;
import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.AnalysisInput;
import io.mocplatform.processor.domain.Component;
import io.mocplatform.processor.domain.DrawingRejectedException;
import io.mocplatform.processor.domain.FailureType;
import io.mocplatform.processor.domain.NoTimeLeftException;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.RetryableException;
import io.mocplatform.processor.domain.TextLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GeminiDrawingAnalyzerTest {

    private static final String PATH = "/v1beta/models/gemini-test:generateContent";
    private static WireMockServer gemini;
    private GeminiDrawingAnalyzer analyzer;

    @BeforeAll
    static void startFake() {
        gemini = new WireMockServer(options().dynamicPort());
        gemini.start();
    }

    @AfterAll
    static void stopFake() {
        gemini.stop();
    }

    @BeforeEach
    void setUp() {
        gemini.resetAll();
        analyzer = analyzer(4);
    }

    @Test
    void shouldReturnScheduleWithTokensAndCost_whenGeminiAnswersWithSchemaJson() {
        String modelJson = """
                {"components":[{"tag":"cr-101","type":"card_reader","pages":[1,2,9],"description":"Card Reader"},
                {"tag":"CAM-12","type":"camera","pages":[2]}]}""";
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"candidates":[{"content":{"role":"model","parts":[{"text":%s}]},"finishReason":"STOP"}],
                         "usageMetadata":{"promptTokenCount":1200000,"candidatesTokenCount":300000,
                                          "thoughtsTokenCount":100000,"totalTokenCount":1600000}}
                        """.formatted(quote(modelJson)))));

        Analysis analysis = analyzer.analyze(input());

        assertThat(analysis.analyzer()).isEqualTo("gemini");
        assertThat(analysis.components()).extracting(Component::tag).containsExactly("CAM-12", "CR-101");
        assertThat(analysis.components().get(1).pages()).containsExactly(1, 2);
        assertThat(analysis.usage().inputTokens()).isEqualTo(1_200_000);
        assertThat(analysis.usage().outputTokens()).isEqualTo(400_000);
        assertThat(analysis.usage().estimatedCostUsd()).isCloseTo(1.2 * 0.30 + 0.4 * 2.50,
                org.assertj.core.data.Offset.offset(1e-9));
        gemini.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-goog-api-key", equalTo("test-key"))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseMimeType", equalTo("application/json")))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseSchema.properties.components.type",
                        equalTo("ARRAY")))
                .withRequestBody(matchingJsonPath("$.contents[0].parts[2].inlineData.mimeType", equalTo("image/png"))));
    }

    @Test
    void shouldCarryRetryAfterHeader_whenRateLimited() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "31")
                .withBody("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}")));

        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(RetryableException.class, e -> {
            assertThat(e.reason()).isEqualTo("gemini_rate_limited");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(31));
        });
        // A quota window is not over in a few seconds: the queue's backoff waits for it, not another call.
        gemini.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void shouldReadRetryInfoFromBody_whenRateLimitedWithoutHeader() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withBody("""
                {"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"47s"}]}}""")));

        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(47)));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404})
    void shouldFailForGoodInOneCall_whenGeminiRejectsTheRequest(int status) {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"models/gemini-test is not found\"}}")));

        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(DrawingRejectedException.class,
                e -> {
                    assertThat(e.type()).isEqualTo(FailureType.GEMINI_REJECTED);
                    assertThat(e.type().wireName()).isEqualTo("gemini_rejected");
                    assertThat(e.getMessage()).contains(String.valueOf(status)).doesNotContain("not found");
                });
        assertThat(analyzer.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},\"usageMetadata\":{\"promptTokenCount\":9}}",
        "{\"candidates\":[{\"finishReason\":\"SAFETY\",\"index\":0}]}",
        "{\"promptFeedback\":{\"blockReason\":\"SAFETY\\nFAKE ALERT LINE\"}}"})
    void shouldFailForGoodInOneCall_whenGeminisFiltersRefuseTheDrawing(String answer) {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(answer)));

        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(DrawingRejectedException.class,
                e -> {
                    assertThat(e.type()).isEqualTo(FailureType.GEMINI_REJECTED);
                    assertThat(e.getMessage()).startsWith("Gemini's content filters refused the drawing (")
                            .doesNotContain("\n").doesNotContain("FAKE");
                });
        gemini.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void shouldBeRetryableWithoutHint_afterThreeCalls_whenGeminiKeepsFailingWith500() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"code\":500,\"message\":\"internal\"}}")));

        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(RetryableException.class, e -> {
            assertThat(e.reason()).isEqualTo("gemini_server_error");
            assertThat(e.retryAfter()).isEmpty();
            // The job row shows our words; what Gemini said goes to the log.
            assertThat(e.getMessage()).isEqualTo("Gemini answered 500 (3 attempts)");
        });
        gemini.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void shouldAnswerFromTheSecondCall_whenTheFirstIsOverloaded() {
        gemini.stubFor(post(urlEqualTo(PATH)).inScenario("overload").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        gemini.stubFor(post(urlEqualTo(PATH)).inScenario("overload").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(answer("""
                        {"components":[{"tag":"CR-101","type":"card_reader","pages":[2]}]}"""))));

        Analysis analysis = analyzer.analyze(input());

        assertThat(analysis.components()).extracting(Component::tag).containsExactly("CR-101");
        gemini.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void shouldFailAsTimeoutAfterThreeCallsThatFitTheBudget_whenGeminiAnswersTooSlowly() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withBody(answer("{\"components\":[]}"))));

        // 1.2 s for three calls and two pauses (50 + 100 ms): (1200 - 150) / 3 = 350 ms per call.
        assertThatThrownBy(() -> analyzer.analyze(input(Duration.ofMillis(1200))))
                .isInstanceOfSatisfying(RetryableException.class, e -> {
                    assertThat(e.reason()).isEqualTo("gemini_timeout");
                    assertThat(e.getMessage()).isEqualTo("Gemini did not answer within 350 ms (3 attempts)");
                });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> gemini.verify(3, postRequestedFor(urlEqualTo(PATH))));
    }

    @Test
    void shouldNotCallGemini_whenTheBudgetCannotHoldThreeMinimalCalls() {
        assertThat(analyzer.minimumTime()).isEqualTo(Duration.ofMillis(3 * 100 + 50 + 100));

        assertThatThrownBy(() -> analyzer.analyze(input(Duration.ofMillis(449))))
                .isInstanceOf(NoTimeLeftException.class);
        gemini.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void shouldPlanTheCallsFromTheTimeLeftAfterLoadingThePageImages() {
        // Loading the images (from S3 in AWS) uses up all but 300 ms of a budget that looked ample before.
        AtomicReference<Duration> left = new AtomicReference<>(Duration.ofMinutes(14));
        AnalysisInput slowImages = new AnalysisInput("job_1", List.of(new PageText(1, List.of())), page -> {
            left.set(Duration.ofMillis(300));
            return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
        }, left::get);

        assertThatThrownBy(() -> analyzer.analyze(slowImages)).isInstanceOf(NoTimeLeftException.class);
        gemini.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void shouldRejectAnswer_whenModelOutputIsNotTheRequestedJson() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("""
                {"candidates":[{"content":{"parts":[{"text":"Sure! Here are the devices: CR-1, CR-2"}]}}]}""")));

        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.reason()).isEqualTo("gemini_malformed_output"));
    }

    @Test
    void shouldOpenTheCircuitAndStopCalling_whenFailuresRepeat() {
        gemini.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Gemini answered 503 (3 attempts)"));
        assertThat(analyzer.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);

        // The fourth failed call opens the circuit; the attempt after it is refused without a call.
        assertThatThrownBy(() -> analyzer.analyze(input())).isInstanceOfSatisfying(RetryableException.class, e -> {
            assertThat(e.reason()).isEqualTo("gemini_circuit_open");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
        });
        assertThat(analyzer.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        gemini.verify(4, postRequestedFor(urlEqualTo(PATH)));
    }

    /** Three attempts, 50 ms then 100 ms apart, calls of at most 5 s and at least 100 ms. */
    private GeminiDrawingAnalyzer analyzer(int minimumCalls) {
        GeminiConfiguration config = new GeminiConfiguration("/moc-platform/test/gemini-api-key", "gemini-test",
                URI.create(gemini.baseUrl()), Duration.ofSeconds(5), 3, Duration.ofMillis(50), Duration.ofMillis(100),
                2, 0.30, 2.50, 50, minimumCalls, Duration.ofSeconds(60));
        return new GeminiDrawingAnalyzer(config, () -> "test-key", ObjectMapper.getDefault());
    }

    private static AnalysisInput input() {
        return input(Duration.ofMinutes(14));
    }

    private static AnalysisInput input(Duration budget) {
        return new AnalysisInput("job_1", List.of(
                new PageText(1, List.of(new TextLine("CR = Card Reader", 0, 0, 1, 1, 0))),
                new PageText(2, List.of(new TextLine("CR-101 CAM12", 0, 0, 1, 1, 0)))),
                page -> new byte[] {(byte) 0x89, 'P', 'N', 'G'}, () -> budget);
    }

    private static String answer(String modelJson) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + quote(modelJson) + "}]}}]}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
