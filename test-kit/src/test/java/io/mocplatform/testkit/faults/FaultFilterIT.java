package io.mocplatform.testkit.faults;

import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@WithLocalAws
class FaultFilterIT {

    private static final int CALLS = 24;

    @Test
    void shouldAnswerTheFunctionsCallsAsDynamoDbFails_andLeaveTheAdministratorsAlone(LocalAws aws) {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String table = env.resources().jobsTable();
        Map<String, AttributeValue> key = Map.of("job_id", AttributeValue.fromS("job_0_none"));
        FaultFilter faults = new FaultFilter(new FaultInjector(FaultPlan.parse("dynamodb=1,slow=50"), new Random(3)));
        int throttled = 0;
        int failed = 0;
        int answered = 0;
        aws.edge().addFilter(faults);
        try (DynamoDbClient jobApi = env.endpointsFor("job-api").dynamoDbClientBuilder()
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
             DynamoDbClient admin = env.endpoints().dynamoDbClientBuilder()
                     .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            for (int i = 0; i < CALLS; i++) {
                try {
                    jobApi.getItem(b -> b.tableName(table).key(key));
                    answered++;
                } catch (AwsServiceException e) {
                    if (e.statusCode() == 400 && "ThrottlingException".equals(e.awsErrorDetails().errorCode())) {
                        throttled++;
                    } else if (e.statusCode() == 500 && "InternalServerError".equals(e.awsErrorDetails().errorCode())) {
                        failed++;
                    }
                }
                admin.getItem(b -> b.tableName(table).key(key));
            }
        } finally {
            aws.edge().removeFilter(faults);
        }

        FaultInjector injector = faults.injector();
        assertThat(injector.requests(AwsService.DYNAMODB)).as("the administrator's calls are not counted")
                .isEqualTo(CALLS);
        assertThat(throttled).isPositive().isEqualTo(injector.injected(AwsService.DYNAMODB, FaultKind.THROTTLE));
        assertThat(failed).isPositive().isEqualTo(injector.injected(AwsService.DYNAMODB, FaultKind.SERVER_ERROR));
        assertThat(answered).as("slow answers arrive").isPositive()
                .isEqualTo(injector.injected(AwsService.DYNAMODB, FaultKind.SLOW));
        assertThat(throttled + failed + answered).isEqualTo(CALLS);
    }
}
