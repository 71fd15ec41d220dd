package io.mocplatform.jobapi.api;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.api.ApiFunction;
import io.mocplatform.api.SingletonsPrimer;
import io.mocplatform.jobapi.config.JobApiConfiguration;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.testkit.api.ApiGatewayEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cold start of the function builds, in the context Lambda starts ({@link ApiFunction}): a status read
 * creates no S3 client, presigner or SQS client (they are for uploads and submissions); priming before a
 * SnapStart snapshot creates them all. No AWS call is made: the read is of an id that is not well-formed.
 */
class JobApiColdStartTest {

    private static final List<Class<?>> NOT_FOR_A_STATUS_READ = List.of(S3Client.class, S3Presigner.class,
            SqsClient.class);

    @Test
    void shouldAnswerAStatusRead_withoutCreatingTheClientsOnlyUploadsAndSubmissionsUse() {
        try (ApplicationContext context = lambdaContext()) {
            assertThat(created(context, List.of(JobApiConfiguration.class))).as("bound at start")
                    .containsExactly(JobApiConfiguration.class);

            var response = new ApiGatewayEvents(new JobApiHandler(context), "job-api").as("user-1")
                    .get("/status/not-a-job-id");

            assertThat(response.status()).isEqualTo(400);
            assertThat(created(context, List.of(DynamoDbClient.class))).as("the status read's own client")
                    .containsExactly(DynamoDbClient.class);
            assertThat(created(context, NOT_FOR_A_STATUS_READ)).isEmpty();
        }
    }

    @Test
    void shouldCreateEveryClient_whenPrimedBeforeASnapshot() throws Exception {
        try (ApplicationContext context = lambdaContext()) {
            context.getBean(SingletonsPrimer.class).prime();

            assertThat(created(context, NOT_FOR_A_STATUS_READ)).containsExactlyElementsOf(NOT_FOR_A_STATUS_READ);
        }
    }

    private static ApplicationContext lambdaContext() {
        return ApiFunction.lambdaContextBuilder().properties(Map.of(PlatformNames.APP_ENV, "dev",
                PlatformNames.JOBS_TABLE, "Jobs-dev", PlatformNames.DRAWINGS_BUCKET, "drawings-lego-moc-dev",
                PlatformNames.JOBS_QUEUE_URL, "http://127.0.0.1:9/000000000000/drawing-jobs-dev",
                PlatformNames.CURSOR_KEY_PARAMETER, "/moc-platform/dev/cursor-signing-key",
                "aws.region", "eu-west-2", "aws.access-key-id", "cold", "aws.secret-key", "start")).start();
    }

    /** Those of {@code types} the context has created a singleton of. */
    private static List<Class<?>> created(ApplicationContext context, List<Class<?>> types) {
        return types.stream().filter(type -> !context.getActiveBeanRegistrations(type).isEmpty()).toList();
    }
}
