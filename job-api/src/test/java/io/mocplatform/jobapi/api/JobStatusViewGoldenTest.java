package io.mocplatform.jobapi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.jobapi.domain.JobDetails;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobWarning;
import io.mocplatform.model.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of a job: if this fails, the API changed for every client. Update the golden file only
 * on purpose, together with the OpenAPI document.
 */
class JobStatusViewGoldenTest {

    static final String GOLDEN = "/golden/job-status.json";
    private static final ObjectMapper TREE = new ObjectMapper();

    /** Every field set (a real job never has a result and an error at once), so every name is pinned. */
    static JobDetails everyFieldSet() {
        Instant created = Instant.parse("2026-11-23T10:00:00Z");
        Job job = Job.queued("job_1795432800000_abcdefgh23", "user-alice", "drw_abcdefghijklmnopqrst",
                        "drawings/user-alice/drw_abcdefghijklmnopqrst.pdf", created, "corr-123", "key-1", "f")
                .toBuilder().status(JobStatus.COMPLETED).updatedAt(Instant.parse("2026-11-23T10:00:42.5Z"))
                .startedAt(Instant.parse("2026-11-23T10:00:00.25Z"))
                .stagesCompleted(List.of(JobStage.values())).currentStage(JobStage.RESULT)
                .lastCheckpoint(Instant.parse("2026-11-23T10:00:42.5Z")).progress(new JobProgress(12, 12)).attempts(2)
                .result(new JobResult(7, Map.of("card_reader", 4, "camera", 3),
                        "results/job_1795432800000_abcdefgh23/schedule.json",
                        "results/job_1795432800000_abcdefgh23/schedule.csv", "offline", 0, 0, 0.0, 2,
                        List.of(new JobWarning("no_text_layer", "2 of 12 pages have no text layer", List.of(3, 7)))))
                .error(new JobError("analysis_unavailable", "The analyser timed out once.", true,
                        JobStage.DRAWING_ANALYSIS))
                .build();
        return new JobDetails(job, URI.create("https://drawings.example.invalid/schedule.json?X-Amz-Signature=abc"),
                URI.create("https://drawings.example.invalid/schedule.csv?X-Amz-Signature=def"),
                Instant.parse("2026-11-23T11:00:42.500Z"));
    }

    static String golden() throws IOException {
        try (InputStream in = JobStatusViewGoldenTest.class.getResourceAsStream(GOLDEN)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldWriteTheGoldenWireFormat() throws IOException {
        String written = io.micronaut.serde.ObjectMapper.getDefault()
                .writeValueAsString(JobStatusView.of(everyFieldSet()));

        assertThat(TREE.readTree(written)).isEqualTo(TREE.readTree(golden()));
    }

    @Test
    void shouldLeaveAbsentValuesOut_neverWritingNull() throws IOException {
        Job queued = Job.queued("job_1795432800000_abcdefgh23", "user-alice", "drw_abcdefghijklmnopqrst",
                "drawings/x.pdf", Instant.parse("2026-11-23T10:00:00Z"), "corr-123", null, null);
        JsonNode written = TREE.readTree(io.micronaut.serde.ObjectMapper.getDefault()
                .writeValueAsString(JobStatusView.of(JobDetails.of(queued))));

        assertThat(written.toString()).doesNotContain("null");
        assertThat(written.fieldNames()).toIterable().containsExactlyInAnyOrder("job_id", "status", "created_at",
                "updated_at", "stages_completed", "progress", "attempts", "correlation_id");
        assertThat(written.get("created_at").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
    }

    @Test
    void shouldWriteStartedAt_onceProcessingHasStarted() throws IOException {
        Job processing = Job.queued("job_1795432800000_abcdefgh23", "user-alice", "drw_abcdefghijklmnopqrst",
                        "drawings/x.pdf", Instant.parse("2026-11-23T10:00:00Z"), "corr-123", null, null)
                .toBuilder().status(JobStatus.PROCESSING).startedAt(Instant.parse("2026-11-23T10:00:01Z")).build();
        JsonNode written = TREE.readTree(io.micronaut.serde.ObjectMapper.getDefault()
                .writeValueAsString(JobStatusView.of(JobDetails.of(processing))));

        assertThat(written.get("started_at").asText()).isEqualTo("2026-11-23T10:00:01.000Z");
    }
}
