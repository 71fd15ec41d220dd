package io.mocplatform.reconciler.config;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.function.config.InvalidSettingsException;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.reconciler.api.JobReconcilerHandler;
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

class ReconcilerConfigurationTest {

    private static final ReconcilerConfiguration VALID = new ReconcilerConfiguration("dev", "Jobs-dev",
            "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dev", Duration.ofSeconds(1860), 200);

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("environment", null, "reconciler.environment (environment variable APP_ENV) is not set"),
                arguments("environment", "", "reconciler.environment (environment variable APP_ENV) is blank"),
                arguments("jobsTable", " ", "reconciler.jobs-table (environment variable JOBS_TABLE) is blank"),
                arguments("jobsQueueUrl", null, "reconciler.jobs-queue-url (environment variable JOBS_QUEUE_URL) is not set"),
                arguments("staleAfter", null, "reconciler.stale-after (environment variable STALE_JOB_AFTER) is not set"),
                arguments("maxPerRun", 0, "reconciler.max-per-run is 0, must be between 1 and 5000"),
                arguments("maxPerRun", 5001, "reconciler.max-per-run is 5001, must be between 1 and 5000"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSettings")
    void shouldRefuse_aBadSetting(String component, Object value, String problem) {
        assertThatThrownBy(() -> with(VALID, component, value)).isInstanceOfSatisfying(InvalidSettingsException.class,
                e -> assertThat(e.problems()).containsExactly(problem));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(arguments("maxPerRun", 1), arguments("maxPerRun", 5000));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("boundaries")
    void shouldAccept_theLimitsThemselves(String component, Object value) {
        assertThatCode(() -> with(VALID, component, value)).doesNotThrowAnyException();
    }

    @Test
    void shouldBindTheVariablesTerraformSets() {
        try (ApplicationContext context = ApplicationContext.builder().properties(terraformVariables()).start()) {
            assertThat(context.getBean(ReconcilerConfiguration.class)).isEqualTo(new ReconcilerConfiguration("dev",
                    "Jobs-dev", "http://127.0.0.1:9/000000000000/drawing-jobs-dev", Duration.ofSeconds(1860), 200));
        }
    }

    @Test
    void shouldRefuseToStart_whenAVariableIsBlankOrASettingOutOfRange() {
        Map<String, Object> properties = terraformVariables();
        properties.put(PlatformNames.JOBS_QUEUE_URL, " ");
        properties.put("reconciler.max-per-run", "0");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {

            Throwable failure = catchThrowable(() -> new JobReconcilerHandler(context));

            assertThat(failure).rootCause().isInstanceOf(InvalidSettingsException.class).hasMessage("Invalid reconciler "
                    + "settings: reconciler.jobs-queue-url (environment variable JOBS_QUEUE_URL) is blank; "
                    + "reconciler.max-per-run is 0, must be between 1 and 5000");
        }
    }

    private static Map<String, Object> terraformVariables() {
        return new HashMap<>(Map.of(PlatformNames.APP_ENV, "dev", PlatformNames.JOBS_TABLE, "Jobs-dev",
                PlatformNames.JOBS_QUEUE_URL, "http://127.0.0.1:9/000000000000/drawing-jobs-dev",
                PlatformNames.STALE_JOB_AFTER, "1860s", "aws.region", "eu-west-2", "tracing.enabled", "false"));
    }
}
