package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStore;
import io.mocplatform.model.job.StaleJobException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Optional;

/**
 * {@link JobStore} on the shared static schema. The condition on {@code version} comes from the Enhanced Client's
 * versioned-record extension (on by default), which also moves the version on with each write.
 */
public final class DynamoDbJobStore implements JobStore {

    private final DynamoDbTable<Job> table;

    public DynamoDbJobStore(DynamoDbEnhancedClient dynamoDb, String tableName) {
        this.table = dynamoDb.table(tableName, JobTable.SCHEMA);
    }

    @Override
    public Optional<Job> find(String jobId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(jobId).build())
                .consistentRead(true)));
    }

    @Override
    public Job update(Job job) {
        try {
            // ignoreNulls(false), stated because it matters: a cleared lease or alert claim must leave the row.
            return table.updateItem(r -> r.item(job).ignoreNulls(false));
        } catch (ConditionalCheckFailedException changed) {
            throw new StaleJobException(job.jobId(), changed);
        }
    }
}
