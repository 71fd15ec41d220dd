package io.mocplatform.testkit.edge;

import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@WithLocalAws
class AwsEdgeIT {

    @Test
    void shouldNameTheEdgeInQueueUrls_soThatClientsComeBackThroughIt(LocalAwsEnvironment env) {
        assertThat(env.jobsQueueUrl()).startsWith(env.endpoints().sqs().toString() + "/");
    }

    @Test
    void shouldLetAFilterAnswerInsteadOfTheEmulator_untilItIsRemoved(LocalAws aws, LocalAwsEnvironment env) {
        String table = env.resources().jobsTable();
        EdgeFilter throttle = (request, next) -> request.service() == AwsService.DYNAMODB
                && new String(request.body().bytes(), StandardCharsets.UTF_8).contains(table)
                ? EdgeResponse.of(400, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}"
                        .getBytes(StandardCharsets.UTF_8))
                : next.proceed(request);
        try (DynamoDbClient dynamoDb = env.endpoints().dynamoDbClientBuilder()
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertThat(dynamoDb.describeTable(b -> b.tableName(table)).table().tableName()).isEqualTo(table);

            aws.edge().addFilter(throttle);
            try {
                DynamoDbException refused = catchThrowableOfType(DynamoDbException.class,
                        () -> dynamoDb.describeTable(b -> b.tableName(table)));
                assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                assertThat(refused.statusCode()).isEqualTo(400);
            } finally {
                aws.edge().removeFilter(throttle);
            }

            assertThat(dynamoDb.describeTable(b -> b.tableName(table)).table().tableName()).isEqualTo(table);
        }
    }
}
