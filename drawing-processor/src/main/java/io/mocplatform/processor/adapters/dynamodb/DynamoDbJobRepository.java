package io.mocplatform.processor.adapters.dynamodb;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.persistence.JobTable;
import io.mocplatform.processor.config.ProcessorConfiguration;
import io.mocplatform.processor.domain.StaleJobException;
import io.mocplatform.processor.domain.port.JobRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Optional;

/**
 * Jobs on the shared static schema. Writes go through the enhanced client's versioned-record extension, which
 * makes each one conditional on the {@code version} that was read: that is both the lease's conditional write
 * and how a cancellation by job-api is noticed.
 */
@Singleton
class DynamoDbJobRepository implements JobRepository {

    private final DynamoDbTable<Job> table;

    DynamoDbJobRepository(DynamoDbEnhancedClient dynamoDb, ProcessorConfiguration config) {
        this.table = dynamoDb.table(config.jobsTable(), JobTable.SCHEMA);
    }

    @Override
    public Optional<Job> find(String jobId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(jobId).build())
                .consistentRead(true)));
    }

    @Override
    public Job update(Job job) {
        try {
            return table.updateItem(job);
        } catch (ConditionalCheckFailedException e) {
            throw new StaleJobException(job.jobId(), e);
        }
    }
}
