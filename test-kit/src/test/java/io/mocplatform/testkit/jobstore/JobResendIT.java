package io.mocplatform.testkit.jobstore;

import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobLease;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobResend;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.job.Job;
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
 * The reconciler's claim before it sends a forgotten job's message again, against DynamoDB Local: applied only
 * while the job is still in the status it was found in, unchanged since before the cutoff and without a live lease.
 */
@WithLocalAws
class JobResendIT {

    /** The real clock: the table has TTL on, and rows whose 30-day expiry has passed are swept mid-test. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant CUTOFF = NOW.minus(Duration.ofMinutes(15));

    private final DynamoDbJobResend resend;
    private final DynamoDbJobLease lease;
    private final DynamoDbEnhancedClient enhanced;
    private final String table;

    JobResendIT(LocalAwsEnvironment env, DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced) {
        this.table = env.resources().jobsTable();
        this.enhanced = enhanced;
        this.resend = new DynamoDbJobResend(dynamoDb, table);
        this.lease = new DynamoDbJobLease(dynamoDb, table);
    }

    private String forgotten(String jobId) {
        Instant longAgo = NOW.minus(Duration.ofHours(1));
        enhanced.table(table, JobTable.SCHEMA).putItem(Job.queued(jobId, "alice", "drw_1",
                "drawings/alice/drw_1.pdf", longAgo, "corr-1", null, null));
        return jobId;
    }

    @Test
    void shouldClaimAForgottenJobOnce_thenLeaveItAloneUntilTheNextCutoff() {
        String job = forgotten("job_1_resend_once");

        JobWrite first = resend.claimResend(job, JobStatus.QUEUED, CUTOFF, NOW);
        JobWrite second = resend.claimResend(job, JobStatus.QUEUED, CUTOFF, NOW.plusSeconds(1));

        assertThat(first.current()).get().extracting(Job::updatedAt).isEqualTo(NOW);
        assertThat(second).as("updated_at moved past the cutoff").isInstanceOf(JobWrite.Refused.class);
    }

    @Test
    void shouldRefuseTheClaim_whenTheProcessorTookTheJobAfterItWasFound() {
        String job = forgotten("job_1_resend_taken");
        lease.take(job, "delivery-1", JobStatus.QUEUED, JobStage.VALIDATION, CUTOFF.minusSeconds(60),
                NOW.plus(Duration.ofMinutes(10)));

        JobWrite asQueued = resend.claimResend(job, JobStatus.QUEUED, CUTOFF, NOW);
        JobWrite asProcessing = resend.claimResend(job, JobStatus.PROCESSING, CUTOFF, NOW);
        JobWrite afterTheLeaseLapsed = resend.claimResend(job, JobStatus.PROCESSING, CUTOFF.plus(Duration.ofHours(1)),
                NOW.plus(Duration.ofMinutes(11)));

        assertThat(asQueued).isInstanceOf(JobWrite.Refused.class);
        assertThat(asProcessing).as("the lease is live").isInstanceOf(JobWrite.Refused.class);
        assertThat(afterTheLeaseLapsed).isInstanceOf(JobWrite.Applied.class);
        assertThat(afterTheLeaseLapsed.current()).get().extracting(Job::leaseOwner).isEqualTo("delivery-1");
    }
}
