package io.mocplatform.jobapi.adapters.dynamodb;

import io.mocplatform.jobapi.config.JobApiConfiguration;
import io.mocplatform.jobapi.domain.port.IdempotencyRecord;
import io.mocplatform.jobapi.domain.port.JobRepository;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.JobIntake;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobIntake;
import io.mocplatform.jobstore.dynamodb.JobTable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs and idempotency claims in the Jobs table, through the Enhanced Client with the shared static schema; reads
 * are strongly consistent, and the job-api's writes to existing jobs are the job store's {@link DynamoDbJobIntake}.
 */
@Singleton
class DynamoDbJobRepository implements JobRepository {

    /** Two racing transactions may both be cancelled (TransactionConflict); a retry sees the winner's claim. */
    private static final int CLAIM_ATTEMPTS = 4;
    private static final Expression JOB_ABSENT = Expression.builder()
            .expression("attribute_not_exists(#pk)").putExpressionName("#pk", JobTable.JOB_ID).build();

    private final DynamoDbEnhancedClient enhanced;
    private final JobIntake intake;
    private final DynamoDbTable<Job> jobs;
    private final DynamoDbTable<IdempotencyItem> claims;
    private final DynamoDbIndex<Job> byOwner;
    private final Clock clock;

    DynamoDbJobRepository(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, JobApiConfiguration config,
                          Clock clock) {
        this.enhanced = enhanced;
        this.intake = new DynamoDbJobIntake(dynamoDb, config.jobsTable());
        this.jobs = enhanced.table(config.jobsTable(), JobTable.SCHEMA);
        this.claims = enhanced.table(config.jobsTable(), IdempotencyItem.SCHEMA);
        this.byOwner = jobs.index(PlatformNames.JOBS_BY_OWNER_INDEX);
        this.clock = clock;
    }

    @Override
    public Optional<Job> find(String jobId) {
        return Optional.ofNullable(jobs.getItem(r -> r.key(key(jobId)).consistentRead(true)));
    }

    @Override
    public Job create(Job job) {
        // The versioned-record extension adds "attribute_not_exists(version)" and writes version 1.
        jobs.putItem(PutItemEnhancedRequest.builder(Job.class).item(job).conditionExpression(JOB_ABSENT).build());
        return job.toBuilder().version(1L).build();
    }

    @Override
    public Optional<IdempotencyRecord> createClaimed(Job job, IdempotencyRecord claim) {
        IdempotencyItem item = IdempotencyItem.from(claim);
        for (int attempt = 1; ; attempt++) {
            // A lapsed claim that TTL has not deleted yet may be taken over.
            Expression claimFree = Expression.builder()
                    .expression("attribute_not_exists(#pk) OR #ttl <= :now")
                    .putExpressionName("#pk", JobTable.JOB_ID).putExpressionName("#ttl", JobTable.TTL)
                    .putExpressionValue(":now", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond())))
                    .build();
            try {
                enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addPutItem(claims, TransactPutItemEnhancedRequest.builder(IdempotencyItem.class).item(item)
                                .conditionExpression(claimFree).build())
                        .addPutItem(jobs, TransactPutItemEnhancedRequest.builder(Job.class).item(job)
                                .conditionExpression(JOB_ABSENT).build())
                        .build());
                return Optional.empty();
            } catch (TransactionCanceledException cancelled) {
                Optional<IdempotencyRecord> winner = findClaim(claim.id())
                        .filter(existing -> existing.isLiveAt(clock.instant()));
                if (winner.isPresent()) {
                    return winner;
                }
                if (attempt == CLAIM_ATTEMPTS) {
                    throw cancelled;
                }
                pause(attempt);
            }
        }
    }

    @Override
    public Optional<IdempotencyRecord> findClaim(String id) {
        return Optional.ofNullable(claims.getItem(r -> r.key(key(IdempotencyItem.keyOf(id))).consistentRead(true)))
                .map(IdempotencyItem::toRecord);
    }

    @Override
    public JobWrite cancel(String jobId, String owner, Instant now) {
        return intake.cancel(jobId, owner, now);
    }

    @Override
    public JobWrite requeue(String jobId, String owner, Instant now) {
        return intake.requeue(jobId, owner, now);
    }

    @Override
    public JobWrite markUnsent(String jobId, JobError error, Instant now) {
        return intake.markUnsent(jobId, error, now);
    }

    @Override
    public JobRepository.Page listByOwner(String owner, JobStatus status, int limit, Map<String, String> startKey) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(owner)))
                .scanIndexForward(false)
                .limit(limit);
        if (status != null) {
            request.filterExpression(Expression.builder().expression("#status = :status")
                    .putExpressionName("#status", JobTable.STATUS)
                    .putExpressionValue(":status", AttributeValue.fromS(status.wireName())).build());
        }
        if (!startKey.isEmpty()) {
            Map<String, AttributeValue> exclusiveStart = new HashMap<>();
            startKey.forEach((name, value) -> exclusiveStart.put(name, AttributeValue.fromS(value)));
            request.exclusiveStartKey(exclusiveStart);
        }
        // One DynamoDB page per API page: items() would read on through every page.
        software.amazon.awssdk.enhanced.dynamodb.model.Page<Job> page = byOwner.query(request.build()).iterator().next();
        Map<String, String> nextKey = new HashMap<>();
        if (page.lastEvaluatedKey() != null) {
            page.lastEvaluatedKey().forEach((name, value) -> nextKey.put(name, value.s()));
        }
        return new JobRepository.Page(page.items(), nextKey);
    }

    private static Key key(String partitionValue) {
        return Key.builder().partitionValue(partitionValue).build();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a claim", e);
        }
    }
}
