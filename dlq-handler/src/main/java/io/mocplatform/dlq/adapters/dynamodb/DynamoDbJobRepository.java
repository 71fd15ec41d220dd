package io.mocplatform.dlq.adapters.dynamodb;

import io.mocplatform.dlq.config.DlqConfiguration;
import io.mocplatform.dlq.domain.StaleJobException;
import io.mocplatform.dlq.domain.port.JobRepository;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.persistence.JobTable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Optional;

/**
 * Job rows through the shared static schema. Writes go through the Enhanced Client's versioned-record extension:
 * each is conditional on the {@code version} that was read, so a change made in between (a late success of the
 * processor, another dlq-handler invocation) makes the write fail instead of being overwritten.
 */
@Singleton
class DynamoDbJobRepository implements JobRepository {

    private final DynamoDbTable<Job> table;

    DynamoDbJobRepository(DynamoDbEnhancedClient dynamoDb, DlqConfiguration config) {
        this.table = dynamoDb.table(config.jobsTable(), JobTable.SCHEMA);
    }

    @Override
    public Optional<Job> find(String jobId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(jobId).build())
                .consistentRead(true)));
    }

    @Override
    public Job save(Job job) {
        try {
            // ignoreNulls(false): cleared fields (lease, alerted_at on release) are removed from the row.
            return table.updateItem(r -> r.item(job).ignoreNulls(false));
        } catch (ConditionalCheckFailedException changed) {
            throw new StaleJobException(job.jobId(), changed);
        }
    }
}
