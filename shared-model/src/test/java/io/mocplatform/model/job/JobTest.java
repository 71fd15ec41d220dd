package io.mocplatform.model.job;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldQueueANewJobWithThirtyDaysToLive() {
        Job job = Job.queued("job_1", "alice", "drw_1", "drawings/alice/drw_1.pdf", NOW, "c-1", null, null);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.startedAt()).as("nothing has started a queued job").isNull();
        assertThat(job.ttl()).isEqualTo(NOW.plusSeconds(30L * 24 * 3600).getEpochSecond());
        assertThat(job.nextStage()).contains(JobStage.VALIDATION);
        assertThat(job.progress()).isEqualTo(JobProgress.none());
    }

    @Test
    void shouldCarryStartedAtThroughToBuilder() {
        Instant start = NOW.plusMillis(250);
        Job started = Job.queued("job_1", "alice", "drw_1", "k", NOW, "c-1", null, null).toBuilder()
                .status(JobStatus.PROCESSING).startedAt(start).build();

        Job checkpointed = started.toBuilder().updatedAt(NOW.plusSeconds(5)).build();

        assertThat(checkpointed.startedAt()).isEqualTo(start);
        assertThat(checkpointed.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void shouldResumeAfterTheLastCompletedStage() {
        Job job = Job.queued("job_1", "alice", "drw_1", "k", NOW, "c-1", null, null).toBuilder()
                .stagesCompleted(List.of(JobStage.VALIDATION, JobStage.PDF_PROCESSING)).build();
        assertThat(job.hasCompleted(JobStage.VALIDATION)).isTrue();
        assertThat(job.nextStage()).contains(JobStage.DRAWING_ANALYSIS);
    }

    @Test
    void shouldUseLowerCaseWireNames_andRejectUnknownOnes() {
        assertThat(JobStatus.COMPLETED.wireName()).isEqualTo("completed");
        assertThat(JobStage.fromWireName("pdf_processing")).isEqualTo(JobStage.PDF_PROCESSING);
        assertThatThrownBy(() -> JobStatus.fromWireName("done")).hasMessageContaining("queued");
        assertThat(JobStage.RESULT.next()).isEmpty();
    }

    @Test
    void shouldRejectImpossibleProgress() {
        assertThatThrownBy(() -> new JobProgress(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
