package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.jobstore.JobResend;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Optional;

import static io.mocplatform.jobstore.dynamodb.JobTable.UPDATED_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.VERSION;

/**
 * {@link JobResend} as one {@code UpdateItem} of {@code updated_at}; it moves the change counter {@code version} on.
 */
public final class DynamoDbJobResend implements JobResend {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJobResend(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Job> find(String jobId) {
        return JobUpdate.find(dynamoDb, table, jobId);
    }

    @Override
    public JobWrite claimResend(String jobId, JobStatus status, Instant cutoff, Instant now) {
        return JobUpdate.of(jobId).set(UPDATED_AT, now).add(VERSION, 1)
                .when("#status = :status AND #updated_at < :cutoff"
                        + " AND (attribute_not_exists(#lease_expires_at) OR #lease_expires_at <= :now)")
                .bind(":status", status).bind(":cutoff", cutoff).bind(":now", now)
                .run(dynamoDb, table);
    }
}
