package io.mocplatform.dlq.api;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DeadLetterHandlerConfigTest {

    @Test
    void shouldRefuseToStart_whenTheTerraformVariablesAreMissing() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("tracing.enabled", "false")).start()) {

            Throwable failure = catchThrowable(() -> new DeadLetterHandler(context));

            assertThat(failure).isNotNull();
            assertThat(failure).rootCause().hasMessageContaining("APP_ENV");
        }
    }

    @Test
    void shouldRefuseToStart_whenTheRunbookUrlIsRelative() {
        Throwable failure = startWith(Map.of("DLQ_RUNBOOK_URL", "docs/runbook.md"));

        assertThat(failure).rootCause()
                .hasMessageContaining("DLQ_RUNBOOK_URL")
                .hasMessageContaining("'docs/runbook.md' is not an absolute https:// (or file:) URL");
    }

    @Test
    void shouldRefuseToStart_whenTheRunbookUrlIsMissing() {
        Throwable failure = startWith(Map.of());

        assertThat(failure).rootCause().hasMessageContaining("DLQ_RUNBOOK_URL");
    }

    /** The handler in a context with every other variable Terraform sets, plus {@code extra}. */
    private static Throwable startWith(Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of("tracing.enabled", "false", "APP_ENV", "dev",
                "JOBS_TABLE", "Jobs-dev", "ALERTS_TOPIC_ARN", "arn:aws:sns:eu-west-2:123456789012:alerts-dev",
                "JOBS_QUEUE_ARN", "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev",
                "JOBS_DLQ_ARN", "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev"));
        properties.putAll(extra);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            Throwable failure = catchThrowable(() -> new DeadLetterHandler(context));
            assertThat(failure).isNotNull();
            return failure;
        }
    }
}
