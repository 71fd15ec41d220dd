package io.mocplatform.testkit.jobstore;

import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobDeadLetter;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobIntake;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobLease;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dlq-handler's dead mark and alert claim against DynamoDB Local, beside the owner's retry and the processor's
 * lease: a finished job or a live lease refuses the mark, one claim per death wins (a stale unconfirmed one can be
 * taken over), and a retry between claim and confirmation leaves the claim to the next death.
 */
@WithLocalAws
class JobDeadLetterIT {

    /** The real clock: the table has TTL on, and rows whose 30-day expiry has passed are swept mid-test. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(15);
    private static final JobError DEAD = new JobError("dead_lettered", "analyser down", true, JobStage.VALIDATION);

    private final DynamoDbJobDeadLetter deadLetter;
    private final DynamoDbJobLease lease;
    private final DynamoDbJobIntake intake;
    private final DynamoDbEnhancedClient enhanced;
    private final String table;

    JobDeadLetterIT(LocalAwsEnvironment env, DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced) {
        this.table = env.resources().jobsTable();
        this.enhanced = enhanced;
        this.deadLetter = new DynamoDbJobDeadLetter(dynamoDb, table);
        this.lease = new DynamoDbJobLease(dynamoDb, table);
        this.intake = new DynamoDbJobIntake(dynamoDb, table);
    }

    /** A job a delivery took at {@code takenAt} with a lease until {@code leaseUntil}, then died with. */
    private String taken(String jobId, Instant takenAt, Instant leaseUntil) {
        enhanced.table(table, JobTable.SCHEMA).putItem(Job.queued(jobId, "alice", "drw_1",
                "drawings/alice/drw_1.pdf", NOW.minus(Duration.ofHours(2)), "corr-1", null, null));
        lease.take(jobId, "delivery-1", JobStatus.QUEUED, JobStage.VALIDATION, takenAt, leaseUntil);
        return jobId;
    }

    private JobWrite claim(String jobId, Instant at) {
        return deadLetter.markDeadAndClaimAlert(jobId, DEAD, at, at.minus(CLAIM_TIMEOUT));
    }

    @Test
    void shouldRefuseTheMark_whileADeliveryHoldsALiveLease_andMarkOnceItLapsed() {
        String job = taken("job_1_dead_lease", NOW, NOW.plusSeconds(60));

        JobWrite busy = claim(job, NOW.plusSeconds(30));
        JobWrite lapsed = claim(job, NOW.plusSeconds(61));

        assertThat(busy).isInstanceOf(JobWrite.Refused.class);
        assertThat(lapsed.current()).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo(JobStatus.FAILED);
            assertThat(row.error()).isEqualTo(DEAD);
            assertThat(row.alertedAt()).isEqualTo(NOW.plusSeconds(61));
            assertThat(row.leaseOwner()).as("a dead job holds no lease").isNull();
        });
    }

    @Test
    void shouldNeverMarkAFinishedJob() {
        String job = taken("job_1_dead_done", NOW.minusSeconds(60), NOW.minusSeconds(1));
        assertThat(intake.cancel(job, "alice", NOW).applied()).isTrue();

        JobWrite mark = claim(job, NOW.plusSeconds(1));

        assertThat(mark).isInstanceOf(JobWrite.Refused.class);
        assertThat(mark.current()).get().extracting(Job::status, Job::alertedAt)
                .containsExactly(JobStatus.CANCELLED, null);
    }

    @Test
    void shouldLetOneClaimWin_andOnlyAStaleUnconfirmedOneBeTakenOver_once() {
        String job = taken("job_1_dead_claim", NOW.minusSeconds(60), NOW.minusSeconds(1));

        JobWrite first = claim(job, NOW);
        JobWrite concurrent = claim(job, NOW.plusMillis(5));
        JobWrite takeover = claim(job, NOW.plus(CLAIM_TIMEOUT).plusSeconds(1));
        JobWrite secondTakeover = claim(job, NOW.plus(CLAIM_TIMEOUT).plusSeconds(2));
        JobWrite staleConfirm = deadLetter.confirmAlert(job, NOW, NOW.plusSeconds(3));
        JobWrite confirm = deadLetter.confirmAlert(job, NOW.plus(CLAIM_TIMEOUT).plusSeconds(1),
                NOW.plus(CLAIM_TIMEOUT).plusSeconds(4));
        JobWrite afterConfirmation = claim(job, NOW.plus(Duration.ofDays(1)));

        assertThat(first.applied()).isTrue();
        assertThat(concurrent).as("claimed moments ago").isInstanceOf(JobWrite.Refused.class);
        assertThat(takeover.applied()).isTrue();
        assertThat(secondTakeover).isInstanceOf(JobWrite.Refused.class);
        assertThat(staleConfirm).as("the first claimant's claim was taken over").isInstanceOf(JobWrite.Refused.class);
        assertThat(confirm.applied()).isTrue();
        assertThat(afterConfirmation).as("a confirmed alert is never claimed again")
                .isInstanceOf(JobWrite.Refused.class);
    }

    @Test
    void shouldLetAClaimBeTakenOver_exactlyWhenItsTimeoutEnds_asTheDlqHandlerDecides() {
        String job = taken("job_1_dead_boundary", NOW.minusSeconds(60), NOW.minusSeconds(1));
        assertThat(claim(job, NOW).applied()).isTrue();

        // The dlq-handler counts a claim made exactly CLAIM_TIMEOUT ago as stale: the write must agree, or the
        // handler would retry a refused takeover until it gives up.
        assertThat(claim(job, NOW.plus(CLAIM_TIMEOUT)).applied()).isTrue();
    }

    @Test
    void shouldLeaveTheClaimToTheNextDeath_whenTheOwnerRetriesBetweenClaimAndConfirmation() {
        String job = taken("job_1_dead_retry", NOW.minusSeconds(60), NOW.minusSeconds(1));
        claim(job, NOW);

        JobWrite retried = intake.requeue(job, "alice", NOW.plusSeconds(1));
        JobWrite lateConfirm = deadLetter.confirmAlert(job, NOW, NOW.plusSeconds(2));
        lease.take(job, "delivery-2", JobStatus.QUEUED, JobStage.VALIDATION, NOW.plusSeconds(3),
                NOW.plusSeconds(4));
        JobWrite secondDeath = claim(job, NOW.plusSeconds(5));

        assertThat(retried.applied()).isTrue();
        assertThat(lateConfirm).isInstanceOf(JobWrite.Refused.class);
        assertThat(lateConfirm.current()).get().extracting(Job::status, Job::alertSentAt)
                .containsExactly(JobStatus.QUEUED, null);
        assertThat(secondDeath.current()).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo(JobStatus.FAILED);
            assertThat(row.alertedAt()).isEqualTo(NOW.plusSeconds(5));
            assertThat(row.alertSentAt()).isNull();
        });
    }

    @Test
    void shouldGiveTheClaimBackAndRestoreTheOriginalError_whenTheAlertCouldNotBeSent() {
        String job = taken("job_1_dead_release", NOW.minusSeconds(60), NOW.minusSeconds(1));
        JobError original = new JobError("gemini_unavailable", "503", true, JobStage.DRAWING_ANALYSIS);
        claim(job, NOW);

        JobWrite released = deadLetter.releaseAlert(job, NOW, original);
        JobWrite again = claim(job, NOW.plusSeconds(1));

        assertThat(released.current()).get().extracting(Job::status, Job::error, Job::alertedAt)
                .containsExactly(JobStatus.FAILED, original, null);
        assertThat(again.applied()).as("the retry of the message claims at once").isTrue();
    }
}
