package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.jobstore.JobIntake;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;

import static io.mocplatform.jobstore.dynamodb.JobTable.ERROR;
import static io.mocplatform.jobstore.dynamodb.JobTable.STATUS;
import static io.mocplatform.jobstore.dynamodb.JobTable.UPDATED_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.VERSION;

/**
 * {@link JobIntake} as single {@code UpdateItem}s conditioned on owner and status; each moves the change counter
 * {@code version} on.
 */
public final class DynamoDbJobIntake implements JobIntake {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJobIntake(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public JobWrite cancel(String jobId, String owner, Instant now) {
        return JobUpdate.of(jobId).set(STATUS, JobStatus.CANCELLED).set(UPDATED_AT, now).add(VERSION, 1)
                .when("#owner = :owner AND #status IN (:queued, :processing)").bind(":owner", owner)
                .bind(":queued", JobStatus.QUEUED).bind(":processing", JobStatus.PROCESSING)
                .run(dynamoDb, table);
    }

    @Override
    public JobWrite requeue(String jobId, String owner, Instant now) {
        return JobUpdate.of(jobId).set(STATUS, JobStatus.QUEUED).set(UPDATED_AT, now).remove(ERROR).add(VERSION, 1)
                .when("#owner = :owner AND #status = :failed").bind(":owner", owner)
                .bind(":failed", JobStatus.FAILED)
                .run(dynamoDb, table);
    }

    @Override
    public JobWrite markUnsent(String jobId, JobError error, Instant now) {
        return JobUpdate.of(jobId).set(STATUS, JobStatus.FAILED).set(ERROR, JobTable.error(error))
                .set(UPDATED_AT, now).add(VERSION, 1)
                .when("#status = :queued").bind(":queued", JobStatus.QUEUED)
                .run(dynamoDb, table);
    }
}
