package io.mocplatform.testkit.jobstore;

import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobIntake;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobLease;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor's writes against DynamoDB Local, beside the other owners' writes they must not race: a cancel
 * refuses the next checkpoint (and is never refused by one), a lapsed lease can be taken over and its old holder
 * can then neither checkpoint nor complete, and the run's start is kept across redeliveries but restarted by a
 * retry.
 */
@WithLocalAws
class JobLeaseIT {

    /** The real clock: the table has TTL on, and rows whose 30-day expiry has passed are swept mid-test. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration LEASE = Duration.ofMinutes(15);

    private final DynamoDbJobLease lease;
    private final DynamoDbJobIntake intake;
    private final DynamoDbEnhancedClient enhanced;
    private final String table;

    JobLeaseIT(LocalAwsEnvironment env, DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced) {
        this.table = env.resources().jobsTable();
        this.enhanced = enhanced;
        this.lease = new DynamoDbJobLease(dynamoDb, table);
        this.intake = new DynamoDbJobIntake(dynamoDb, table);
    }

    private String queued(String jobId) {
        enhanced.table(table, JobTable.SCHEMA).putItem(Job.queued(jobId, "alice", "drw_1",
                "drawings/alice/drw_1.pdf", NOW, "corr-1", null, null));
        return jobId;
    }

    private JobWrite take(String jobId, String delivery, JobStatus seen, Instant at) {
        return lease.take(jobId, delivery, seen, JobStage.VALIDATION, at, at.plus(LEASE));
    }

    @Test
    void shouldLetTheOwnerCancelBetweenPageCheckpoints_andRefuseTheNextCheckpoint() {
        String job = queued("job_1_lease_cancel");
        assertThat(take(job, "delivery-1", JobStatus.QUEUED, NOW)).isInstanceOf(JobWrite.Applied.class);
        assertThat(lease.recordProgress(job, "delivery-1", new JobProgress(1, 20), NOW.plusMillis(10)).applied())
                .isTrue();

        JobWrite cancelled = intake.cancel(job, "alice", NOW.plusMillis(20));
        JobWrite checkpoint = lease.recordProgress(job, "delivery-1", new JobProgress(2, 20), NOW.plusMillis(30));

        assertThat(cancelled.applied()).as("a cancel no longer races the processor's version").isTrue();
        assertThat(checkpoint).isInstanceOf(JobWrite.Refused.class);
        assertThat(checkpoint.current()).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(row.progress()).isEqualTo(new JobProgress(1, 20));
        });
    }

    @Test
    void shouldLetAnotherDeliveryTakeOverOnlyALapsedLease_andThenRefuseTheStaleHoldersWrites() {
        String job = queued("job_1_lease_takeover");
        lease.take(job, "delivery-1", JobStatus.QUEUED, JobStage.VALIDATION, NOW, NOW.plusSeconds(60));

        JobWrite early = take(job, "delivery-2", JobStatus.PROCESSING, NOW.plusSeconds(59));
        JobWrite late = take(job, "delivery-2", JobStatus.PROCESSING, NOW.plusSeconds(61));
        JobWrite staleCheckpoint = lease.completeStage(job, "delivery-1", List.of(JobStage.VALIDATION),
                JobStage.PDF_PROCESSING, NOW.plusSeconds(62));
        JobWrite staleCompletion = lease.complete(job, "delivery-1", result(), NOW.plusSeconds(63));

        assertThat(early).as("the lease is still live").isInstanceOf(JobWrite.Refused.class);
        assertThat(late).isInstanceOf(JobWrite.Applied.class);
        assertThat(staleCheckpoint).isInstanceOf(JobWrite.Refused.class);
        assertThat(staleCompletion).isInstanceOf(JobWrite.Refused.class);
        assertThat(staleCompletion.current()).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo(JobStatus.PROCESSING);
            assertThat(row.leaseOwner()).isEqualTo("delivery-2");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.stagesCompleted()).isEmpty();
            assertThat(row.result()).isNull();
        });
    }

    @Test
    void shouldKeepTheRunsStartOnARedelivery_andRestartItWhenARetriedJobIsTakenFromQueued() {
        String job = queued("job_1_lease_start");
        take(job, "delivery-1", JobStatus.QUEUED, NOW);
        lease.handOn(job, "delivery-1", JobStage.PDF_PROCESSING, NOW.plusSeconds(1));
        Job continued = take(job, "delivery-2", JobStatus.PROCESSING, NOW.plusSeconds(2)).current().orElseThrow();
        lease.fail(job, "delivery-2", new JobError("corrupt_pdf", "broken", false, JobStage.PDF_PROCESSING),
                NOW.plusSeconds(3));
        intake.requeue(job, "alice", NOW.plusSeconds(4));

        Job rerun = take(job, "delivery-3", JobStatus.QUEUED, NOW.plusSeconds(5)).current().orElseThrow();

        assertThat(continued.startedAt()).isEqualTo(NOW);
        assertThat(continued.attempts()).isEqualTo(2);
        assertThat(rerun.startedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(rerun.attempts()).isEqualTo(3);
        assertThat(rerun.leaseOwner()).isEqualTo("delivery-3");
    }

    @Test
    void shouldCompleteWithTheResultAndGiveTheLeaseBack_leavingTheAlertClaimAlone() {
        String job = queued("job_1_lease_complete");
        take(job, "delivery-1", JobStatus.QUEUED, NOW);
        enhanced.table(table, JobTable.SCHEMA).updateItem(r -> r.item(lease.find(job).orElseThrow().toBuilder()
                .alertedAt(NOW.minusSeconds(600)).build()));

        JobWrite completed = lease.complete(job, "delivery-1", result(), NOW.plusSeconds(9));

        assertThat(completed.current()).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(row.result()).isEqualTo(result());
            assertThat(row.stagesCompleted()).containsExactly(JobStage.values());
            assertThat(row.leaseOwner()).isNull();
            assertThat(row.leaseExpiresAt()).isNull();
            assertThat(row.alertedAt()).isEqualTo(NOW.minusSeconds(600));
        });
        assertThat(take(job, "delivery-2", JobStatus.PROCESSING, NOW.plusSeconds(10)))
                .as("a completed job is never taken again").isInstanceOf(JobWrite.Refused.class);
    }

    private static JobResult result() {
        return new JobResult(2, Map.of("camera", 2), "results/s.json", "results/s.csv", "offline", 0, 0, 0);
    }
}
