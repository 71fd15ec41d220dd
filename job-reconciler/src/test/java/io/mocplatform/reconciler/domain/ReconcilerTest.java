package io.mocplatform.reconciler.domain;

import io.mocplatform.jobstore.JobResend;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.reconciler.domain.port.JobQueue;
import io.mocplatform.reconciler.domain.port.QueueUnavailableException;
import io.mocplatform.reconciler.domain.port.StaleJobs;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00.000Z");
    private static final Duration STALE_AFTER = Duration.ofMinutes(30);

    private final Table table = new Table();
    private final List<DrawingJobMessage> sent = new ArrayList<>();
    private boolean queueDown;
    private final JobQueue queue = message -> {
        if (queueDown) {
            throw new QueueUnavailableException("down", null);
        }
        sent.add(message);
    };

    private Reconciler reconciler(int maxPerRun) {
        return new Reconciler(table, table, queue, new ReconcilePolicy(STALE_AFTER, maxPerRun),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldSendTheMessageAgain_whenAJobIsQueuedLongerThanTheThreshold() {
        Job lost = table.put(job("job_1", JobStatus.QUEUED, NOW.minus(STALE_AFTER).minusSeconds(1)));

        ReconcileReport report = reconciler(10).run();

        assertThat(report.staleQueued()).isEqualTo(1);
        assertThat(report.requeued()).containsExactly("job_1");
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.jobId()).isEqualTo("job_1");
            assertThat(message.owner()).isEqualTo(lost.owner());
            assertThat(message.drawingKey()).isEqualTo(lost.drawingKey());
            assertThat(message.correlationId()).isEqualTo(lost.correlationId());
            assertThat(message.resumeFrom()).isEqualTo(JobStage.VALIDATION);
        });
        assertThat(table.rows.get("job_1").updatedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldLeaveRecentQueuedJobsAlone() {
        table.put(job("job_1", JobStatus.QUEUED, NOW.minus(STALE_AFTER).plusSeconds(1)));

        ReconcileReport report = reconciler(10).run();

        assertThat(report.found()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldResumeAfterTheLastCompletedStage_whenAProcessingJobsLeaseHasExpired() {
        table.put(job("job_2", JobStatus.PROCESSING, NOW.minus(Duration.ofHours(2))).toBuilder()
                .stagesCompleted(List.of(JobStage.VALIDATION, JobStage.PDF_PROCESSING))
                .leaseOwner("dead-delivery").leaseExpiresAt(NOW.minusSeconds(1)).build());

        ReconcileReport report = reconciler(10).run();

        assertThat(report.staleProcessing()).isEqualTo(1);
        assertThat(sent).singleElement()
                .satisfies(message -> assertThat(message.resumeFrom()).isEqualTo(JobStage.DRAWING_ANALYSIS));
    }

    @Test
    void shouldLeaveAProcessingJobAlone_whileItsLeaseIsLive() {
        table.put(job("job_3", JobStatus.PROCESSING, NOW.minus(Duration.ofHours(2))).toBuilder()
                .leaseOwner("live-delivery").leaseExpiresAt(NOW.plusSeconds(60)).build());

        ReconcileReport report = reconciler(10).run();

        assertThat(report.found()).isZero();
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldDecideOnTheRow_whenTheIndexIsBehindTheTable() {
        Job indexed = job("job_4", JobStatus.QUEUED, NOW.minus(Duration.ofHours(1)));
        table.put(indexed);
        // The processor finished the job; the index has not caught up yet.
        table.rows.put("job_4", indexed.toBuilder().status(JobStatus.COMPLETED).updatedAt(NOW).version(2L).build());
        table.indexOverride = List.of(indexed);

        ReconcileReport report = reconciler(10).run();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldSendNothing_whenTheJobChangesBetweenReadAndClaim() {
        table.put(job("job_5", JobStatus.QUEUED, NOW.minus(Duration.ofHours(1))));
        table.conflictOnNextUpdate = true;

        ReconcileReport report = reconciler(10).run();

        assertThat(report.requeued()).isEmpty();
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldCountASendFailure_andNotSendTwice_whenTheQueueIsDown() {
        table.put(job("job_6", JobStatus.QUEUED, NOW.minus(Duration.ofHours(1))));
        queueDown = true;

        ReconcileReport first = reconciler(10).run();
        queueDown = false;
        ReconcileReport second = reconciler(10).run();

        assertThat(first.sendFailures()).isEqualTo(1);
        assertThat(first.requeued()).isEmpty();
        // updated_at moved on with the claim: the job waits another threshold before the next attempt.
        assertThat(second.found()).isZero();
    }

    @Test
    void shouldRequeueOncePerThreshold_notAtEveryRun() {
        table.put(job("job_7", JobStatus.QUEUED, NOW.minus(Duration.ofHours(1))));

        reconciler(10).run();
        ReconcileReport again = reconciler(10).run();

        assertThat(again.found()).isZero();
        assertThat(sent).hasSize(1);
    }

    @Test
    void shouldStopAtMaxPerRun_oldestFirst() {
        for (int i = 0; i < 5; i++) {
            table.put(job("job_q" + i, JobStatus.QUEUED, NOW.minus(Duration.ofHours(5 - i))));
        }

        ReconcileReport report = reconciler(2).run();

        assertThat(report.requeued()).containsExactly("job_q0", "job_q1");
    }

    @Test
    void shouldIgnoreFinishedJobs() {
        for (JobStatus status : List.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED)) {
            table.put(job("job_" + status.wireName(), status, NOW.minus(Duration.ofDays(2))));
        }

        assertThat(reconciler(10).run().found()).isZero();
        assertThat(sent).isEmpty();
    }

    private static Job job(String id, JobStatus status, Instant updatedAt) {
        return Job.queued(id, "alice", "drw_1", "drawings/alice/drw_1.pdf", updatedAt.minusSeconds(5),
                "corr-" + id, null, null).toBuilder().status(status).updatedAt(updatedAt).version(1L).build();
    }

    /** The table and its status index, in memory, with the real store's condition on the resend claim. */
    private static final class Table implements JobResend, StaleJobs {
        final Map<String, Job> rows = new LinkedHashMap<>();
        List<Job> indexOverride;
        boolean conflictOnNextUpdate;

        Job put(Job job) {
            rows.put(job.jobId(), job);
            return job;
        }

        @Override
        public List<Job> unchangedSince(JobStatus status, Instant cutoff, int limit) {
            List<Job> source = indexOverride != null ? indexOverride : new ArrayList<>(rows.values());
            return source.stream().filter(j -> j.status() == status && j.updatedAt().isBefore(cutoff))
                    .sorted(Comparator.comparing(Job::updatedAt)).limit(limit).toList();
        }

        @Override
        public Optional<Job> find(String jobId) {
            return Optional.ofNullable(rows.get(jobId));
        }

        @Override
        public JobWrite claimResend(String jobId, JobStatus status, Instant cutoff, Instant now) {
            Job stored = rows.get(jobId);
            boolean forgotten = stored != null && stored.status() == status && stored.updatedAt().isBefore(cutoff)
                    && (stored.leaseExpiresAt() == null || !stored.leaseExpiresAt().isAfter(now));
            if (conflictOnNextUpdate || !forgotten) {
                conflictOnNextUpdate = false;
                return new JobWrite.Refused(Optional.ofNullable(stored));
            }
            Job written = stored.toBuilder().updatedAt(now).build();
            rows.put(jobId, written);
            return new JobWrite.Applied(written);
        }
    }
}
