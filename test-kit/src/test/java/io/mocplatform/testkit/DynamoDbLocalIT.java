package io.mocplatform.testkit;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithLocalAws
class DynamoDbLocalIT {

    private final LocalAwsEnvironment env;

    DynamoDbLocalIT(LocalAwsEnvironment env) {
        this.env = env;
    }

    @Test
    void shouldRejectSecondConditionalPut_whenKeyAlreadyExists(DynamoDbClient dynamoDb) {
        Map<String, AttributeValue> item = Map.of(JobTable.JOB_ID, AttributeValue.fromS("job_1_conditional"),
                JobTable.OWNER, AttributeValue.fromS("user-1"));

        dynamoDb.putItem(b -> b.tableName(env.resources().jobsTable()).item(item)
                .conditionExpression("attribute_not_exists(job_id)"));

        assertThatThrownBy(() -> dynamoDb.putItem(b -> b.tableName(env.resources().jobsTable()).item(item)
                .conditionExpression("attribute_not_exists(job_id)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void shouldRejectStaleVersion_whenJobWasUpdatedSinceItWasRead(DynamoDbEnhancedClient enhanced) {
        DynamoDbTable<Job> jobs = enhanced.table(env.resources().jobsTable(), JobTable.SCHEMA);
        // The real clock: the table has TTL on, and a row whose expiry is past may vanish mid-test.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        jobs.putItem(Job.queued("job_1_versioned", "user-1", "drawing-1", "drawings/user-1/drawing-1.pdf", now,
                "corr-1", null, null));
        Key key = Key.builder().partitionValue("job_1_versioned").build();
        // Strongly consistent, as the functions read before a versioned write: DynamoDB Local documents its
        // default reads as eventually consistent, and a stale read would make the first write fail too.
        Job firstReader = jobs.getItem(r -> r.key(key).consistentRead(true));
        Job secondReader = jobs.getItem(r -> r.key(key).consistentRead(true));

        jobs.updateItem(firstReader.toBuilder().status(JobStatus.PROCESSING).build());

        assertThat(firstReader.version()).isNotNull();
        assertThatThrownBy(() -> jobs.updateItem(secondReader.toBuilder().status(JobStatus.CANCELLED).build()))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(jobs.getItem(r -> r.key(key).consistentRead(true)).status()).isEqualTo(JobStatus.PROCESSING);
    }
}
