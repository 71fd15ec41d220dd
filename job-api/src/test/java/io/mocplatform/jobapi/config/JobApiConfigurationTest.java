package io.mocplatform.jobapi.config;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.api.ApiFunction;
import io.mocplatform.function.config.InvalidSettingsException;
import io.mocplatform.model.PlatformNames;
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

class JobApiConfigurationTest {

    private static final JobApiConfiguration VALID = new JobApiConfiguration("dev", "Jobs-dev", "drawings-lego-moc-dev",
            "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dev", 52_428_800, Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(5), 20, 100);

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("environment", null, "job-api.environment (environment variable APP_ENV) is not set"),
                arguments("environment", " ", "job-api.environment (environment variable APP_ENV) is blank"),
                arguments("jobsTable", null, "job-api.jobs-table (environment variable JOBS_TABLE) is not set"),
                arguments("jobsTable", "", "job-api.jobs-table (environment variable JOBS_TABLE) is blank"),
                arguments("drawingsBucket", "\t", "job-api.drawings-bucket (environment variable DRAWINGS_BUCKET) is blank"),
                arguments("jobsQueueUrl", " ", "job-api.jobs-queue-url (environment variable JOBS_QUEUE_URL) is blank"),
                arguments("maxUploadBytes", 0L, "job-api.max-upload-bytes is 0, must be at least 1"),
                arguments("uploadUrlTtl", null, "job-api.upload-url-ttl is not set"),
                arguments("downloadUrlTtl", null, "job-api.download-url-ttl is not set"),
                arguments("idempotencyTtl", null, "job-api.idempotency-ttl is not set"),
                arguments("pollAfter", null, "job-api.poll-after is not set"),
                arguments("retryAfter", null, "job-api.retry-after is not set"),
                arguments("defaultPageSize", 0, "job-api.default-page-size is 0, must be between 1 and 100"),
                arguments("defaultPageSize", 101, "job-api.default-page-size is 101, must be between 1 and 100"),
                arguments("maxPageSize", 0, "job-api.max-page-size is 0, must be between 1 and 1000"),
                arguments("maxPageSize", 1001, "job-api.max-page-size is 1001, must be between 1 and 1000"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSettings")
    void shouldRefuse_aBadSetting(String component, Object value, String problem) {
        assertThatThrownBy(() -> with(VALID, component, value)).isInstanceOfSatisfying(InvalidSettingsException.class,
                e -> assertThat(e.problems()).containsExactly(problem));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(arguments("maxUploadBytes", 1L), arguments("defaultPageSize", 1),
                arguments("defaultPageSize", 100), arguments("maxPageSize", 1), arguments("maxPageSize", 1000));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("boundaries")
    void shouldAccept_theLimitsThemselves(String component, Object value) {
        assertThatCode(() -> with(VALID, component, value)).doesNotThrowAnyException();
    }

    @Test
    void shouldBindTheDocumentedDefaults_fromTheVariablesTerraformSets() {
        try (ApplicationContext context = ApiFunction.lambdaContextBuilder().properties(terraformVariables()).start()) {
            assertThat(context.getBean(JobApiConfiguration.class)).isEqualTo(new JobApiConfiguration("dev", "Jobs-dev",
                    "drawings-lego-moc-dev", "http://127.0.0.1:9/000000000000/drawing-jobs-dev", 52_428_800,
                    Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), 20, 100));
        }
    }

    @Test
    void shouldRefuseToStart_whenAVariableIsBlankOrASettingOutOfRange() {
        Map<String, Object> properties = terraformVariables();
        properties.put(PlatformNames.JOBS_TABLE, " ");
        properties.put("job-api.max-page-size", "0");

        Throwable failure = catchThrowable(() -> ApiFunction.lambdaContextBuilder().properties(properties).start());

        assertThat(failure).rootCause().isInstanceOf(InvalidSettingsException.class).hasMessage("Invalid job-api "
                + "settings: job-api.jobs-table (environment variable JOBS_TABLE) is blank; "
                + "job-api.max-page-size is 0, must be between 1 and 1000");
    }

    private static Map<String, Object> terraformVariables() {
        return new HashMap<>(Map.of(PlatformNames.APP_ENV, "dev", PlatformNames.JOBS_TABLE, "Jobs-dev",
                PlatformNames.DRAWINGS_BUCKET, "drawings-lego-moc-dev",
                PlatformNames.JOBS_QUEUE_URL, "http://127.0.0.1:9/000000000000/drawing-jobs-dev",
                PlatformNames.CURSOR_KEY_PARAMETER, "/moc-platform/dev/cursor-signing-key",
                "aws.region", "eu-west-2", "tracing.enabled", "false"));
    }
}
