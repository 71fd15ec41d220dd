package io.mocplatform.reconciler.adapters.dynamodb;

import io.mocplatform.model.PlatformNames;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.jobstore.dynamodb.SortableInstantConverter;
import io.mocplatform.reconciler.config.ReconcilerConfiguration;
import io.mocplatform.reconciler.domain.port.StaleJobs;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.time.Instant;
import java.util.List;

/**
 * Queries {@code StatusIndex} (partition {@code status}, sort {@code updated_at}): one status partition, the part
 * older than the cutoff, oldest first. Only the rows asked for are read, however many finished jobs the table holds.
 */
@Singleton
class DynamoDbStaleJobs implements StaleJobs {

    private final DynamoDbIndex<Job> index;

    DynamoDbStaleJobs(DynamoDbEnhancedClient dynamoDb, ReconcilerConfiguration config) {
        this.index = dynamoDb.table(config.jobsTable(), JobTable.SCHEMA).index(PlatformNames.JOBS_BY_STATUS_INDEX);
    }

    @Override
    public List<Job> unchangedSince(JobStatus status, Instant cutoff, int limit) {
        Key below = Key.builder().partitionValue(status.wireName())
                .sortValue(SortableInstantConverter.format(cutoff)).build();
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(below)).scanIndexForward(true).limit(limit).build();
        return index.query(request).stream().flatMap(page -> page.items().stream()).limit(limit).toList();
    }
}
