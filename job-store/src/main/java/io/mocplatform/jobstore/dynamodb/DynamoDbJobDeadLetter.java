package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.jobstore.JobDeadLetter;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Optional;

import static io.mocplatform.jobstore.dynamodb.JobTable.ALERTED_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.ALERT_SENT_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.ERROR;
import static io.mocplatform.jobstore.dynamodb.JobTable.LEASE_EXPIRES_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.LEASE_OWNER;
import static io.mocplatform.jobstore.dynamodb.JobTable.STATUS;
import static io.mocplatform.jobstore.dynamodb.JobTable.UPDATED_AT;
import static io.mocplatform.jobstore.dynamodb.JobTable.VERSION;

/** {@link JobDeadLetter} as single {@code UpdateItem}s of the dead mark and the alert claim. */
public final class DynamoDbJobDeadLetter implements JobDeadLetter {

    /** The error type of the dead mark; a claim counts only on a job that carries it. */
    private static final String DEAD_LETTERED = "dead_lettered";
    private static final String MARKED = "#status = :failed AND #error.#type = :dead";
    private static final String MARKABLE = "attribute_exists(#status) AND NOT (#status IN (:completed, :cancelled))"
            + " AND (#status <> :processing OR attribute_not_exists(#lease_expires_at) OR #lease_expires_at <= :now)"
            + " AND (NOT (" + MARKED + ") OR attribute_not_exists(#alerted_at)"
            + " OR (attribute_not_exists(#alert_sent_at) AND #alerted_at <= :stale))";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJobDeadLetter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Job> find(String jobId) {
        return JobUpdate.find(dynamoDb, table, jobId);
    }

    @Override
    public JobWrite markDeadAndClaimAlert(String jobId, JobError deadLettered, Instant now, Instant staleBefore) {
        return JobUpdate.of(jobId).set(STATUS, JobStatus.FAILED).set(ERROR, JobTable.error(deadLettered))
                .set(UPDATED_AT, now).set(ALERTED_AT, now).remove(ALERT_SENT_AT).remove(LEASE_OWNER)
                .remove(LEASE_EXPIRES_AT).add(VERSION, 1)
                .when(MARKABLE).bind(":completed", JobStatus.COMPLETED).bind(":cancelled", JobStatus.CANCELLED)
                .bind(":processing", JobStatus.PROCESSING).bind(":failed", JobStatus.FAILED)
                .bind(":dead", DEAD_LETTERED).bind(":now", now).bind(":stale", staleBefore)
                .run(dynamoDb, table);
    }

    @Override
    public JobWrite confirmAlert(String jobId, Instant claimedAt, Instant sentAt) {
        return JobUpdate.of(jobId).set(ALERT_SENT_AT, sentAt).add(VERSION, 1)
                .when(MARKED + " AND #alerted_at = :claimed AND attribute_not_exists(#alert_sent_at)")
                .bind(":failed", JobStatus.FAILED).bind(":dead", DEAD_LETTERED).bind(":claimed", claimedAt)
                .run(dynamoDb, table);
    }

    @Override
    public JobWrite releaseAlert(String jobId, Instant claimedAt, JobError originalError) {
        JobUpdate release = JobUpdate.of(jobId).remove(ALERTED_AT).add(VERSION, 1);
        if (originalError != null) {
            release.set(ERROR, JobTable.error(originalError));
        }
        return release.when(MARKED + " AND #alerted_at = :claimed").bind(":failed", JobStatus.FAILED)
                .bind(":dead", DEAD_LETTERED).bind(":claimed", claimedAt)
                .run(dynamoDb, table);
    }
}
