package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.jobstore.JobLease;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.mocplatform.jobstore.dynamodb.JobTable.ATTEMPTS;
import static io.mocplatform.jobstore.dynamodb.JobTable.CURRENT_STAGE;
import static io.mocplatform.jobstore.dynamodb.JobTable.ERROR;
import static io.mocplatform.jobstore.dynamodb.JobTable.LAST_CHECKPOINT;
import static io.mocplatform.jobstore.dynamodb.JobTable.LEASE_EXPIRES_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.LEASE_OWNER;
import static io.mocplatform.jobstore.dynamodb.JobTable.PROGRESS;
import static io.mocplatform.jobstore.dynamodb.JobTable.RESULT;
import static io.mocplatform.jobstore.dynamodb.JobTable.STAGES_COMPLETED;
import static io.mocplatform.jobstore.dynamodb.JobTable.STARTED_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.STATUS;
import static io.mocplatform.jobstore.dynamodb.JobTable.UPDATED_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.VERSION;

/**
 * {@link JobLease} as single {@code UpdateItem}s; each moves the change counter {@code version} on.
 */
public final class DynamoDbJobLease implements JobLease {

    /** The lease is this delivery's and the job still in processing: neither cancelled, failed nor taken over. */
    private static final String HELD = "#status = :processing AND #lease_owner = :delivery";
    /** Nobody holds the lease, or its holder's time is up. */
    private static final String FREE = "(attribute_not_exists(#lease_owner) OR #lease_owner = :delivery"
            + " OR attribute_not_exists(#lease_expires_at) OR #lease_expires_at <= :now)";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJobLease(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Job> find(String jobId) {
        return JobUpdate.find(dynamoDb, table, jobId);
    }

    @Override
    public JobWrite take(String jobId, String deliveryId, JobStatus seen, JobStage stage, Instant now,
                         Instant expiresAt) {
        JobUpdate take = JobUpdate.of(jobId).set(STATUS, JobStatus.PROCESSING)
                .set(LEASE_OWNER, JobTable.text(deliveryId)).set(LEASE_EXPIRES_AT, expiresAt)
                .set(CURRENT_STAGE, JobTable.stage(stage)).set(UPDATED_AT, now).add(ATTEMPTS, 1).add(VERSION, 1);
        return switch (seen) {
            case QUEUED -> take.set(STARTED_AT, now).when("#status = :queued").bind(":queued", JobStatus.QUEUED)
                    .run(dynamoDb, table);
            case PROCESSING -> take.setIfAbsent(STARTED_AT, JobTable.time(now))
                    .when("#status = :processing AND " + FREE).bind(":processing", JobStatus.PROCESSING)
                    .bind(":delivery", deliveryId).bind(":now", now).run(dynamoDb, table);
            default -> throw new IllegalArgumentException("a " + seen.wireName() + " job cannot be taken");
        };
    }

    @Override
    public JobWrite recordProgress(String jobId, String deliveryId, JobProgress progress, Instant now) {
        return held(JobUpdate.of(jobId).set(PROGRESS, JobTable.progress(progress)).set(LAST_CHECKPOINT, now)
                .set(UPDATED_AT, now), deliveryId);
    }

    @Override
    public JobWrite completeStage(String jobId, String deliveryId, List<JobStage> stagesCompleted, JobStage current,
                                  Instant now) {
        return held(JobUpdate.of(jobId).set(STAGES_COMPLETED, JobTable.stages(stagesCompleted))
                .set(CURRENT_STAGE, JobTable.stage(current)).set(LAST_CHECKPOINT, now).set(UPDATED_AT, now),
                deliveryId);
    }

    @Override
    public JobWrite handOn(String jobId, String deliveryId, JobStage resumeFrom, Instant now) {
        return held(JobUpdate.of(jobId).set(CURRENT_STAGE, JobTable.stage(resumeFrom)).set(LAST_CHECKPOINT, now)
                .set(UPDATED_AT, now).remove(LEASE_OWNER).remove(LEASE_EXPIRES_AT), deliveryId);
    }

    @Override
    public JobWrite releaseForRetry(String jobId, String deliveryId, JobError error, Instant now) {
        return held(JobUpdate.of(jobId).set(ERROR, JobTable.error(error)).set(UPDATED_AT, now)
                .remove(LEASE_OWNER).remove(LEASE_EXPIRES_AT), deliveryId);
    }

    @Override
    public JobWrite complete(String jobId, String deliveryId, JobResult result, Instant now) {
        return held(JobUpdate.of(jobId).set(STATUS, JobStatus.COMPLETED).set(RESULT, JobTable.result(result))
                .set(STAGES_COMPLETED, JobTable.stages(Arrays.asList(JobStage.values())))
                .set(CURRENT_STAGE, JobTable.stage(JobStage.RESULT)).set(LAST_CHECKPOINT, now).set(UPDATED_AT, now)
                .remove(ERROR).remove(LEASE_OWNER).remove(LEASE_EXPIRES_AT), deliveryId);
    }

    @Override
    public JobWrite fail(String jobId, String deliveryId, JobError error, Instant now) {
        return held(JobUpdate.of(jobId).set(STATUS, JobStatus.FAILED).set(ERROR, JobTable.error(error))
                .set(UPDATED_AT, now).remove(LEASE_OWNER).remove(LEASE_EXPIRES_AT), deliveryId);
    }

    private JobWrite held(JobUpdate update, String deliveryId) {
        return update.add(VERSION, 1).when(HELD).bind(":processing", JobStatus.PROCESSING)
                .bind(":delivery", deliveryId).run(dynamoDb, table);
    }
}
