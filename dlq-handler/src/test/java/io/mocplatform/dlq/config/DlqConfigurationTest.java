package io.mocplatform.dlq.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DlqConfigurationTest {

    private static DlqConfiguration withRunbook(String runbookUrl) {
        return new DlqConfiguration("dev", "Jobs-dev", "arn:aws:sns:eu-west-2:123456789012:alerts-dev",
                "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev", "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev",
                5, Duration.ofMinutes(15), runbookUrl, 1024, Duration.ofDays(15), Duration.ofMinutes(2));
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
        assertThatThrownBy(() -> withRunbook("https:docs/runbook.md")).hasMessageContaining("DLQ_RUNBOOK_URL");
    }
}
