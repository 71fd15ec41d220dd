package io.mocplatform.testkit.jobstore;

import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobIntake;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobLease;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job-api's writes against DynamoDB Local: each changes only status, error and {@code updated_at}, and is
 * refused, with the row as it is, when the status (or the owner) is not the one it depends on.
 */
@WithLocalAws
class JobIntakeIT {

    /** The real clock: the table has TTL on, and rows whose 30-day expiry has passed are swept mid-test. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final DynamoDbJobIntake intake;
    private final DynamoDbJobLease store;
    private final DynamoDbEnhancedClient enhanced;
    private final String table;

    JobIntakeIT(LocalAwsEnvironment env, DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced) {
        this.table = env.resources().jobsTable();
        this.enhanced = enhanced;
        this.intake = new DynamoDbJobIntake(dynamoDb, table);
        this.store = new DynamoDbJobLease(dynamoDb, table);
    }

    private Job stored(Job job) {
        enhanced.table(table, JobTable.SCHEMA).putItem(job);
        return store.find(job.jobId()).orElseThrow();
    }

    private static Job.Builder queued(String jobId) {
        return Job.queued(jobId, "alice", "drw_1", "drawings/alice/drw_1.pdf", NOW, "corr-1", null, null).toBuilder();
    }

    @Test
    void shouldRequeueAFailedJob_leavingTheLeaseProgressAndAlertClaimAsTheirOwnersLeftThem() {
        Instant started = NOW.plusSeconds(1);
        Job failed = stored(queued("job_1_intake_requeue").status(JobStatus.FAILED).startedAt(started)
                .stagesCompleted(List.of(JobStage.VALIDATION)).currentStage(JobStage.PDF_PROCESSING).attempts(3)
                .leaseOwner("delivery-7").leaseExpiresAt(NOW.plusSeconds(30))
                .alertedAt(NOW.plusSeconds(40)).alertSentAt(NOW.plusSeconds(41))
                .error(new JobError("dead_lettered", "analyser down", true, JobStage.PDF_PROCESSING)).build());

        JobWrite write = intake.requeue(failed.jobId(), "alice", NOW.plusSeconds(60));

        assertThat(write).isInstanceOf(JobWrite.Applied.class);
        Job row = store.find(failed.jobId()).orElseThrow();
        assertThat(row.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(row.error()).isNull();
        assertThat(row.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(row).usingRecursiveComparison()
                .ignoringFields("status", "error", "updatedAt", "version")
                .isEqualTo(failed);
        assertThat(write.current()).contains(row);
    }

    @Test
    void shouldRefuseToRequeue_whenTheJobIsNotFailedOrNotTheCallers() {
        Job processing = stored(queued("job_1_intake_norequeue").status(JobStatus.PROCESSING).build());
        Job failed = stored(queued("job_1_intake_otheruser").status(JobStatus.FAILED).build());

        JobWrite notFailed = intake.requeue(processing.jobId(), "alice", NOW.plusSeconds(1));
        JobWrite notHers = intake.requeue(failed.jobId(), "mallory", NOW.plusSeconds(1));
        JobWrite missing = intake.requeue("job_1_intake_missing", "alice", NOW.plusSeconds(1));

        assertThat(notFailed).isInstanceOf(JobWrite.Refused.class);
        assertThat(notFailed.current()).contains(processing);
        assertThat(notHers).isInstanceOf(JobWrite.Refused.class);
        assertThat(store.find(failed.jobId())).contains(failed);
        assertThat(missing).isEqualTo(new JobWrite.Refused(java.util.Optional.empty()));
        assertThat(store.find("job_1_intake_missing")).as("a refused update creates no row").isEmpty();
    }

    @Test
    void shouldCancelAJobWhileTheProcessorHoldsItsLease_andThenRefuseTheProcessorsStaleWrite() {
        Job leased = stored(queued("job_1_intake_cancel").status(JobStatus.PROCESSING).leaseOwner("delivery-1")
                .leaseExpiresAt(NOW.plusSeconds(900)).build());

        JobWrite cancelled = intake.cancel(leased.jobId(), "alice", NOW.plusSeconds(2));

        assertThat(cancelled).isInstanceOf(JobWrite.Applied.class);
        assertThat(cancelled.current()).get().extracting(Job::status, Job::leaseOwner)
                .containsExactly(JobStatus.CANCELLED, "delivery-1");
        assertThat(store.recordProgress(leased.jobId(), "delivery-1", new JobProgress(1, 2), NOW.plusSeconds(3)))
                .as("the processor's next page checkpoint").isInstanceOf(JobWrite.Refused.class);
        assertThat(store.find(leased.jobId())).get().extracting(Job::status).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void shouldRefuseToCancel_whenTheJobHasFinished() {
        Job completed = stored(queued("job_1_intake_done").status(JobStatus.COMPLETED).build());

        JobWrite write = intake.cancel(completed.jobId(), "alice", NOW.plusSeconds(1));

        assertThat(write).isInstanceOf(JobWrite.Refused.class);
        assertThat(write.current()).contains(completed);
    }

    @Test
    void shouldMarkAnUnsentJobFailed_onlyWhileItIsStillQueued() {
        JobError unsent = new JobError("enqueue_failed", "The job could not be handed to the processing queue.", true,
                null);
        Job queued = stored(queued("job_1_intake_unsent").build());
        Job taken = stored(queued("job_1_intake_taken").status(JobStatus.PROCESSING).leaseOwner("delivery-2").build());

        assertThat(intake.markUnsent(queued.jobId(), unsent, NOW.plusSeconds(1)).current()).get()
                .extracting(Job::status, Job::error).containsExactly(JobStatus.FAILED, unsent);
        JobWrite late = intake.markUnsent(taken.jobId(), unsent, NOW.plusSeconds(1));
        assertThat(late).isInstanceOf(JobWrite.Refused.class);
        assertThat(store.find(taken.jobId())).contains(taken);
    }
}
