package io.mocplatform.processor.adapters.gemini;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.function.config.InvalidSettingsException;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.processor.api.DrawingJobHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static io.mocplatform.testkit.config.RecordCopies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class GeminiConfigurationTest {

    private static final GeminiConfiguration VALID = new GeminiConfiguration("/moc-platform/dev/gemini-api-key",
            "gemini-2.5-flash", URI.create("https://generativelanguage.googleapis.com"), Duration.ofSeconds(120), 3,
            Duration.ofSeconds(2), Duration.ofSeconds(20), 8, 0.30, 2.50, 50, 4, Duration.ofSeconds(60));

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("apiKeyParameter", null,
                        "gemini.api-key-parameter (environment variable GEMINI_API_KEY_PARAMETER) is not set"),
                arguments("apiKeyParameter", "",
                        "gemini.api-key-parameter (environment variable GEMINI_API_KEY_PARAMETER) is blank"),
                arguments("model", " ", "gemini.model (environment variable GEMINI_MODEL) is blank"),
                arguments("baseUrl", null, "gemini.base-url is not set"),
                arguments("timeout", null, "gemini.timeout is not set"),
                arguments("attempts", 0, "gemini.attempts is 0, must be between 1 and 5"),
                arguments("attempts", 6, "gemini.attempts is 6, must be between 1 and 5"),
                arguments("retryPause", null, "gemini.retry-pause is not set"),
                arguments("minCallTimeout", null, "gemini.min-call-timeout is not set"),
                arguments("maxImages", -1, "gemini.max-images is -1, must be at least 0"),
                arguments("inputPricePerMillion", -0.01, "gemini.input-price-per-million is -0.01, must be at least 0.0"),
                arguments("outputPricePerMillion", Double.NaN, "gemini.output-price-per-million is NaN, must be at least 0.0"),
                arguments("breakerFailureRate", 0, "gemini.breaker-failure-rate is 0, must be at least 1"),
                arguments("breakerMinimumCalls", 0, "gemini.breaker-minimum-calls is 0, must be at least 1"),
                arguments("breakerOpenFor", null, "gemini.breaker-open-for is not set"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSettings")
    void shouldRefuse_aBadSetting(String component, Object value, String problem) {
        assertThatThrownBy(() -> with(VALID, component, value)).isInstanceOfSatisfying(InvalidSettingsException.class,
                e -> assertThat(e.problems()).containsExactly(problem));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(arguments("attempts", 1), arguments("attempts", 5), arguments("maxImages", 0),
                arguments("inputPricePerMillion", 0.0), arguments("outputPricePerMillion", 0.0),
                arguments("breakerFailureRate", 1), arguments("breakerMinimumCalls", 1));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("boundaries")
    void shouldAccept_theLimitsThemselves(String component, Object value) {
        assertThatCode(() -> with(VALID, component, value)).doesNotThrowAnyException();
    }

    @Test
    void shouldBindTheDocumentedDefaults_whenTheAnalyzerIsGemini() {
        try (ApplicationContext context = ApplicationContext.builder().properties(terraformVariables()).start()) {
            assertThat(context.getBean(GeminiConfiguration.class)).isEqualTo(VALID);
        }
    }

    @Test
    void shouldRefuseToStart_whenTheKeyParameterIsEmpty() {
        Map<String, Object> properties = terraformVariables();
        properties.put(PlatformNames.GEMINI_API_KEY_PARAMETER, "");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {

            Throwable failure = catchThrowable(() -> new DrawingJobHandler(context));

            assertThat(failure).rootCause().isInstanceOf(InvalidSettingsException.class)
                    .hasMessage("Invalid gemini settings: gemini.api-key-parameter (environment variable GEMINI_API_KEY_PARAMETER) is blank");
        }
    }

    private static Map<String, Object> terraformVariables() {
        return new HashMap<>(Map.of(PlatformNames.APP_ENV, "dev", PlatformNames.JOBS_TABLE, "Jobs-dev",
                PlatformNames.DRAWINGS_BUCKET, "drawings-lego-moc-dev",
                PlatformNames.JOBS_QUEUE_URL, "http://127.0.0.1:9/000000000000/drawing-jobs-dev",
                PlatformNames.ANALYZER, "gemini", PlatformNames.GEMINI_API_KEY_PARAMETER, "/moc-platform/dev/gemini-api-key",
                "aws.region", "eu-west-2", "tracing.enabled", "false"));
    }
}
