package io.mocplatform.dlq.config;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.function.config.InvalidSettingsException;
import io.mocplatform.model.PlatformNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static io.mocplatform.testkit.config.RecordCopies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DlqConfigurationTest {

    private static final String VALID_RUNBOOK = "https://github.com/moc-org/moc-platform/blob/main/docs/runbook.md";

    private static DlqConfiguration withRunbook(String runbookUrl) {
        return new DlqConfiguration("dev", "Jobs-dev", "arn:aws:sns:eu-west-2:123456789012:alerts-dev",
                "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev", "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev",
                5, Duration.ofMinutes(15), runbookUrl, 1024, Duration.ofDays(15), Duration.ofMinutes(2));
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("environment", null, "dlq.environment (environment variable APP_ENV) is not set"),
                arguments("environment", " ", "dlq.environment (environment variable APP_ENV) is blank"),
                arguments("jobsTable", "", "dlq.jobs-table (environment variable JOBS_TABLE) is blank"),
                arguments("alertsTopicArn", null, "dlq.alerts-topic-arn (environment variable ALERTS_TOPIC_ARN) is not set"),
                arguments("jobsQueueArn", " ", "dlq.jobs-queue-arn (environment variable JOBS_QUEUE_ARN) is blank"),
                arguments("jobsDlqArn", null, "dlq.jobs-dlq-arn (environment variable JOBS_DLQ_ARN) is not set"),
                arguments("stormThreshold", 0, "dlq.storm-threshold is 0, must be at least 1"),
                arguments("stormWindow", null, "dlq.storm-window is not set"),
                arguments("runbookUrl", null, "dlq.runbook-url (environment variable DLQ_RUNBOOK_URL) is not set"),
                arguments("runbookUrl", " ", "dlq.runbook-url (environment variable DLQ_RUNBOOK_URL) is blank"),
                arguments("rawBodyLimit", 63, "dlq.raw-body-limit is 63, must be between 64 and 4096"),
                arguments("rawBodyLimit", 4097, "dlq.raw-body-limit is 4097, must be between 64 and 4096"),
                arguments("markerRetention", null, "dlq.marker-retention is not set"),
                arguments("claimTimeout", null, "dlq.claim-timeout is not set"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSettings")
    void shouldRefuse_aBadSetting(String component, Object value, String problem) {
        assertThatThrownBy(() -> with(withRunbook(VALID_RUNBOOK), component, value))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(problem));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(arguments("stormThreshold", 1), arguments("rawBodyLimit", 64), arguments("rawBodyLimit", 4096));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("boundaries")
    void shouldAccept_theLimitsThemselves(String component, Object value) {
        assertThatCode(() -> with(withRunbook(VALID_RUNBOOK), component, value)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/moc-org/moc-platform/blob/main/docs/runbook.md",
            "file:/work/repo/docs/runbook.md", "HTTPS://wiki.example.com/runbook"})
    void shouldAccept_whenTheRunbookUrlIsAbsolute(String url) {
        assertThat(withRunbook(url).runbookUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/runbook.md", "/docs/runbook.md", "../docs/runbook.md", "github.com/o/r/docs/runbook.md"})
    void shouldRefuse_whenTheRunbookUrlIsRelative(String url) {
        assertThatThrownBy(() -> withRunbook(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DLQ_RUNBOOK_URL")
                .hasMessageContaining("'" + url + "' is not an absolute https:// (or file:) URL")
                .hasMessageContaining("https://github.com/<owner>/<repo>/blob/main/docs/runbook.md");
    }

    @Test
    void shouldRefuse_whenTheRunbookUrlHasAFragment() {
        assertThatThrownBy(() -> withRunbook("https://example.com/docs/runbook.md#dead-lettered-job"))
                .hasMessageContaining("has a #fragment");
    }

    @Test
    void shouldRefuse_whenTheRunbookUrlUsesAnotherScheme() {
        assertThatThrownBy(() -> withRunbook("ftp://example.com/docs/runbook.md"))
                .hasMessageContaining("is not an absolute https:// (or file:) URL");
    }

    @Test
    void shouldRefuse_whenTheRunbookUrlHasNoHost() {
        assertThatThrownBy(() -> withRunbook("https:docs/runbook.md")).hasMessageContaining("DLQ_RUNBOOK_URL")
                .hasMessageContaining("has no host");
    }

    /** The durations and limits come only from application.properties: the record has no defaults of its own. */
    @Test
    void shouldBindTheDocumentedSettings_fromThePropertiesFileAndTheVariablesTerraformSets() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(PlatformNames.APP_ENV, "dev",
                PlatformNames.JOBS_TABLE, "Jobs-dev",
                PlatformNames.ALERTS_TOPIC_ARN, "arn:aws:sns:eu-west-2:123456789012:alerts-dev",
                PlatformNames.JOBS_QUEUE_ARN, "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev",
                PlatformNames.JOBS_DLQ_ARN, "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev",
                PlatformNames.DLQ_RUNBOOK_URL, VALID_RUNBOOK, "aws.region", "eu-west-2", "tracing.enabled", "false"))) {
            assertThat(context.getBean(DlqConfiguration.class)).isEqualTo(withRunbook(VALID_RUNBOOK));
        }
    }
}
