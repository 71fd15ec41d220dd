package io.mocplatform.processor.config;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.function.config.InvalidSettingsException;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.processor.api.DrawingJobHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

class ProcessorConfigurationTest {

    private static final ProcessorConfiguration VALID = new ProcessorConfiguration("Jobs-dev", "drawings-lego-moc-dev",
            "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dev", "offline", 200, 104_857_600, 150,
            40_000_000, Duration.ofMinutes(16), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(15), 0);

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("jobsTable", null, "processor.jobs-table (environment variable JOBS_TABLE) is not set"),
                arguments("jobsTable", " ", "processor.jobs-table (environment variable JOBS_TABLE) is blank"),
                arguments("drawingsBucket", "", "processor.drawings-bucket (environment variable DRAWINGS_BUCKET) is blank"),
                arguments("jobsQueueUrl", null, "processor.jobs-queue-url (environment variable JOBS_QUEUE_URL) is not set"),
                arguments("analyzer", null, "processor.analyzer (environment variable ANALYZER) is not set"),
                arguments("analyzer", " ", "processor.analyzer (environment variable ANALYZER) is blank"),
                arguments("analyzer", "claude", "processor.analyzer (environment variable ANALYZER) is 'claude', "
                        + "must be one of offline, gemini"),
                arguments("analyzer", "Gemini", "processor.analyzer (environment variable ANALYZER) is 'Gemini', "
                        + "must be one of offline, gemini"),
                arguments("analyzer", "offline ", "processor.analyzer (environment variable ANALYZER) is 'offline ', "
                        + "must be one of offline, gemini"),
                arguments("maxPages", 0, "processor.max-pages is 0, must be between 1 and 2000"),
                arguments("maxPages", 2001, "processor.max-pages is 2001, must be between 1 and 2000"),
                arguments("maxBytes", 0L, "processor.max-bytes is 0, must be at least 1"),
                arguments("dpi", 35, "processor.dpi is 35, must be between 36 and 600"),
                arguments("dpi", 601, "processor.dpi is 601, must be between 36 and 600"),
                arguments("maxPagePixels", 9_999L, "processor.max-page-pixels is 9999, must be between 10000 and 200000000"),
                arguments("maxPagePixels", 200_000_001L,
                        "processor.max-page-pixels is 200000001, must be between 10000 and 200000000"),
                arguments("leaseDuration", null, "processor.lease-duration is not set"),
                arguments("safetyMargin", null, "processor.safety-margin is not set"),
                arguments("backoffBase", null, "processor.backoff-base is not set"),
                arguments("backoffCap", null, "processor.backoff-cap is not set"),
                arguments("pageReaders", -1, "processor.page-readers is -1, must be between 0 and 16"),
                arguments("pageReaders", 17, "processor.page-readers is 17, must be between 0 and 16"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSettings")
    void shouldRefuse_aBadSetting(String component, Object value, String problem) {
        assertThatThrownBy(() -> with(VALID, component, value)).isInstanceOfSatisfying(InvalidSettingsException.class,
                e -> assertThat(e.problems()).containsExactly(problem));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(arguments("analyzer", "gemini"), arguments("maxPages", 1), arguments("maxPages", 2000),
                arguments("maxBytes", 1L), arguments("dpi", 36), arguments("dpi", 600),
                arguments("maxPagePixels", 10_000L), arguments("maxPagePixels", 200_000_000L),
                arguments("pageReaders", 16));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("boundaries")
    void shouldAccept_theLimitsThemselves(String component, Object value) {
        assertThatCode(() -> with(VALID, component, value)).doesNotThrowAnyException();
    }

    @Test
    void shouldBindTheDocumentedDefaults_fromTheVariablesTerraformSets() {
        Map<String, Object> properties = terraformVariables();
        properties.remove(PlatformNames.ANALYZER);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            assertThat(context.getBean(ProcessorConfiguration.class)).isEqualTo(new ProcessorConfiguration("Jobs-dev",
                    "drawings-lego-moc-dev", "http://127.0.0.1:9/000000000000/drawing-jobs-dev", "offline", 200,
                    104_857_600, 150, 40_000_000, Duration.ofMinutes(16), Duration.ofSeconds(60),
                    Duration.ofSeconds(30), Duration.ofMinutes(15), 0));
        }
    }

    @Test
    void shouldRefuseToStart_whenTheAnalyzerIsUnknownOrASettingOutOfRange() {
        Map<String, Object> properties = terraformVariables();
        properties.put(PlatformNames.ANALYZER, "claude");
        properties.put("processor.dpi", "20");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {

            Throwable failure = catchThrowable(() -> new DrawingJobHandler(context));

            assertThat(failure).rootCause().isInstanceOf(InvalidSettingsException.class).hasMessage("Invalid processor "
                    + "settings: processor.analyzer (environment variable ANALYZER) is 'claude', must be one of "
                    + "offline, gemini; processor.dpi is 20, must be between 36 and 600");
        }
    }

    private static Map<String, Object> terraformVariables() {
        return new HashMap<>(Map.of(PlatformNames.APP_ENV, "dev", PlatformNames.JOBS_TABLE, "Jobs-dev",
                PlatformNames.DRAWINGS_BUCKET, "drawings-lego-moc-dev",
                PlatformNames.JOBS_QUEUE_URL, "http://127.0.0.1:9/000000000000/drawing-jobs-dev",
                PlatformNames.ANALYZER, "offline", "aws.region", "eu-west-2", "tracing.enabled", "false"));
    }
}
