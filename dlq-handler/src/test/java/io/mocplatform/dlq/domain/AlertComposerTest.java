package io.mocplatform.dlq.domain;

import io.mocplatform.dlq.Fixtures;
import io.mocplatform.model.alert.DeadLetterAlert;
import io.mocplatform.model.job.Job;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertComposerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:07:30Z");
    private static final String JOB_ID = "job_1767258000000_abcdefghij";

    private static AlertComposer composer(String environment) {
        return new AlertComposer(new DeadLetterPolicy(environment, "arn:q", "arn:dlq", 5, Duration.ofMinutes(15),
                "https://runbooks.example/docs/runbook.md", 64, Duration.ofDays(15),
                Duration.ofMinutes(2)));
    }

    private static DeadLetter letter(String correlationId) {
        return new DeadLetter("m1", JOB_ID, null, correlationId, 1, null, "{}", 3, NOW.minusSeconds(3725),
                NOW.minusSeconds(3700), null);
    }

    @Test
    void shouldKeepSubjectUnderSnsLimit_whenEnvironmentAndErrorTypeAreLong() {
        Job job = Fixtures.stuckJob(JOB_ID, NOW);
        Cause cause = new Cause("x".repeat(64), "m", job.currentStage());

        DeadLetterAlert alert = composer("staging-eu-west-2-blue").forJob(letter("c"), job, cause, NOW);

        assertThat(alert.summary()).hasSizeLessThanOrEqualTo(Notification.MAX_SUBJECT_LENGTH).endsWith("...");
        assertThat(composer("prod").notification(alert).subject()).isEqualTo(alert.summary());
    }

    @Test
    void shouldTellWhatBrokeForWhomAndWhatToDoNext_inTheText() {
        Job job = Fixtures.stuckJob(JOB_ID, NOW);

        String text = composer("prod").notification(composer("prod").forJob(letter(null), job, Cause.of(job), NOW))
                .text();

        assertThat(text).startsWith("HIGH - drawing job dead-lettered (prod)")
                .contains("Owner:          user-1", "Stage reached:  drawing_analysis",
                        "Attempts:       3 (SQS receives: 3)", "queue age 1h 2m 5s",
                        "filter correlation_id = \"corr-" + JOB_ID + "\"",
                        "Runbook: https://runbooks.example/docs/runbook.md#dead-lettered-job",
                        "aws sqs start-message-move-task --source-arn arn:dlq --destination-arn arn:q",
                        "POST /jobs/" + JOB_ID + "/retry", "Dedup key: dlq/prod/job/" + JOB_ID);
    }

    @Test
    void shouldEscapeAClientChosenCorrelationId_inTheLogsQuery() {
        Job job = Fixtures.stuckJob(JOB_ID, NOW).toBuilder().correlationId("x\" | display @message").build();

        DeadLetterAlert alert = composer("prod").forJob(letter(null), job, Cause.of(job), NOW);

        assertThat(alert.logsInsightsQuery()).contains("filter correlation_id = \"x\\\" | display @message\" |");
    }

    @Test
    void shouldNameTheMostFrequentErrorType_inAStormAlert() {
        DeadLetterAlert storm = composer("prod").forStorm(Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-01-01T10:15:00Z"), new WindowCounts(9, Map.of("timeout", 2L, "gemini_unavailable", 7L)),
                NOW);

        assertThat(storm.errorType()).isEqualTo("gemini_unavailable");
        assertThat(storm.summary()).isEqualTo("[CRITICAL] prod: 9 dead job messages since 2026-01-01T10:00:00Z"
                + " (limit 5 per 15m)");
    }

    @Test
    void shouldPrintEachOutsideFieldOnItsOwnLine_whenMessageBodyAndErrorCarryLineBreaks() {
        Job job = Fixtures.stuckJob(JOB_ID, NOW).toBuilder().owner("eve\u2028Owner:          admin").build();
        Cause cause = new Cause("gemini_unavailable", "503\nX-Ray trace:    1-fake\u2029Runbook: evil", null);
        DeadLetter poison = new DeadLetter("m2", null, null, "c\r\nDedup key: x", null, "the body is not JSON",
                "{\n\"job_id\": 1}\nWhat to do next:\n  1. run rm -rf", 3, NOW, NOW, null);
        AlertComposer composer = composer("prod");

        String jobText = composer.notification(composer.forJob(letter(null), job, cause, NOW)).text();
        String poisonText = composer.notification(composer.forMessage(poison,
                io.mocplatform.model.alert.AlertKind.POISON_MESSAGE, NOW)).text();

        assertThat(jobText.lines()).filteredOn(line -> line.startsWith("Owner:")).singleElement().asString()
                .isEqualTo("Owner:          eve\\u2028Owner:          admin");
        assertThat(jobText.lines()).filteredOn(line -> line.startsWith("X-Ray trace:") || line.startsWith("Runbook:"))
                .singleElement().asString().startsWith("Runbook: https://runbooks.example/");
        assertThat(jobText).contains("Error:          gemini_unavailable: 503\\u000aX-Ray trace:    1-fake\\u2029Runbook: evil");
        assertThat(poisonText.lines()).filteredOn(line -> line.startsWith("What to do next:")).hasSize(1);
        assertThat(poisonText.lines()).filteredOn(line -> line.startsWith("Dedup key:")).hasSize(1);
        assertThat(poisonText).doesNotContain("\u2028", "\u2029", "\r");
    }
}
