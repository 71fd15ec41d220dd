package io.mocplatform.model.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alert body is a contract with whatever reads the alerts topic (pager integrations, chat bots, the runbook's
 * examples): the golden file pins field names, value formats and which fields are left out.
 */
class DeadLetterAlertContractTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    static DeadLetterAlert sample() {
        return DeadLetterAlert.builder()
                .kind(AlertKind.DEAD_LETTERED_JOB)
                .severity(AlertSeverity.HIGH)
                .dedupKey("dlq/prod/job/job_1767225600000_abcdefghij")
                .environment("prod")
                .summary("[HIGH] prod: drawing job job_1767225600000_abcdefghij dead-lettered at drawing_analysis (gemini_unavailable)")
                .raisedAt(Instant.parse("2026-01-01T01:00:05Z"))
                .jobId("job_1767225600000_abcdefghij")
                .owner("user-123")
                .jobStatus("failed")
                .stage("drawing_analysis")
                .attempts(3)
                .receiveCount(3)
                .errorType("gemini_unavailable")
                .errorMessage("Gemini answered 503 three times")
                .correlationId("corr-42")
                .traceId("1-67750000-0123456789abcdef01234567")
                .messageId("5fea7756-0ea4-451a-a703-a558b933e274")
                .sentAt(Instant.parse("2026-01-01T00:00:00Z"))
                .firstReceivedAt(Instant.parse("2026-01-01T00:00:01Z"))
                .lastReceivedAt(Instant.parse("2026-01-01T01:00:04Z"))
                .queueAgeSeconds(3604L)
                .logsInsightsQuery("fields @timestamp, function, level, message | filter correlation_id = \"corr-42\" | sort @timestamp asc | limit 500")
                .runbookUrl("docs/runbook.md#dead-lettered-job")
                .redriveCommand("aws sqs start-message-move-task --source-arn arn:aws:sqs:eu-west-2:111122223333:drawing-jobs-dlq-prod --destination-arn arn:aws:sqs:eu-west-2:111122223333:drawing-jobs-prod")
                .replayHint("POST /jobs/job_1767225600000_abcdefghij/retry")
                .build();
    }

    private JsonNode golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/dead-letter-alert.json")) {
            assertThat(in).as("golden file").isNotNull();
            return json.readValue(in.readAllBytes(), JsonNode.class);
        }
    }

    @Test
    void shouldWriteExactlyTheGoldenJson_whenAJobAlertIsSerialized() throws IOException {
        JsonNode written = json.readValue(json.writeValueAsBytes(sample()), JsonNode.class);

        assertThat(written).isEqualTo(golden());
    }

    @Test
    void shouldReadTheGoldenJsonBackIntoTheSameAlert() throws IOException {
        DeadLetterAlert read = json.readValue(json.writeValueAsBytes(golden()), DeadLetterAlert.class);

        assertThat(read).isEqualTo(sample());
    }

    @Test
    void shouldIgnoreUnknownFields_whenANewerWriterAddsSome() throws IOException {
        String newer = """
                {"schema":2,"kind":"poison_message","severity":"high","dedup_key":"dlq/dev/message/m1",
                 "summary":"s","raised_at":"2026-01-01T00:00:00Z","pager_priority":"P1"}""";

        DeadLetterAlert read = json.readValue(newer, DeadLetterAlert.class);

        assertThat(read.schema()).isEqualTo(2);
        assertThat(read.kind()).isEqualTo(AlertKind.POISON_MESSAGE);
        assertThat(read.jobId()).isNull();
    }

    @Test
    void shouldWriteStormCountsSortedByErrorType() throws IOException {
        DeadLetterAlert storm = DeadLetterAlert.builder().kind(AlertKind.DEAD_LETTER_STORM)
                .severity(AlertSeverity.CRITICAL).dedupKey("dlq/prod/storm/2026-01-01T00:00:00Z").summary("s")
                .raisedAt(Instant.parse("2026-01-01T00:03:00Z"))
                .storm(new StormSummary(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:15:00Z"),
                        5, 6, Map.of("timeout", 2L, "gemini_unavailable", 4L)))
                .build();

        String written = json.writeValueAsString(storm);

        assertThat(written).contains("\"kind\":\"dead_letter_storm\"", "\"severity\":\"critical\"",
                "\"storm\":{\"window_start\":\"2026-01-01T00:00:00Z\",\"window_end\":\"2026-01-01T00:15:00Z\","
                        + "\"threshold\":5,\"dead_messages\":6,"
                        + "\"counts_by_error_type\":{\"gemini_unavailable\":4,\"timeout\":2}}")
                .doesNotContain("job_id", "raw_body");
        assertThat(json.readValue(written, DeadLetterAlert.class)).isEqualTo(storm);
    }

    @Test
    void shouldRefuseAnAlertWithoutDedupKey() {
        assertThatThrownBy(() -> sample().toBuilder().dedupKey(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("dedup key");
    }
}
