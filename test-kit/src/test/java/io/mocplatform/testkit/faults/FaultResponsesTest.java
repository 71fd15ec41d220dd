package io.mocplatform.testkit.faults;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The canned answers read by the real SDK clients the functions use: each throttling answer is an
 * {@link AwsServiceException} the SDK itself classifies as throttling (so it backs off as it would in AWS), each
 * server error a 5xx with the service's own error code.
 */
class FaultResponsesTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:1");

    @Test
    void shouldBeReadAsThrottling_byEachServicesSdkClient() {
        for (AwsService service : AwsService.values()) {
            AwsServiceException error = call(service, FaultResponses.throttling(service));

            assertThat(error.isThrottlingException()).as(service.key() + ": " + error).isTrue();
            assertThat(error.awsErrorDetails().errorCode()).as(service.key()).isEqualTo(switch (service) {
                case DYNAMODB -> "ThrottlingException";
                case S3 -> "SlowDown";
                case SQS -> "RequestThrottled";
                case SNS -> "Throttling";
            });
        }
    }

    @Test
    void shouldBeReadAsTheServicesInternalError_withA500() {
        for (AwsService service : AwsService.values()) {
            AwsServiceException error = call(service, FaultResponses.serverError(service));

            assertThat(error.statusCode()).as(service.key()).isEqualTo(500);
            assertThat(error.isThrottlingException()).as(service.key()).isFalse();
            assertThat(error.awsErrorDetails().errorCode()).as(service.key())
                    .isEqualTo(service == AwsService.DYNAMODB ? "InternalServerError" : "InternalError");
        }
        assertThat(call(AwsService.DYNAMODB, FaultResponses.serverError(AwsService.DYNAMODB)))
                .isInstanceOf(InternalServerErrorException.class);
    }

    private static AwsServiceException call(AwsService service, CannedResponse response) {
        SdkHttpClient http = new CannedHttpClient(response);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        Consumer<software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.Builder> once =
                o -> o.retryStrategy(AwsRetryStrategy.doNotRetry());
        Runnable request = switch (service) {
            case DYNAMODB -> () -> {
                try (var client = DynamoDbClient.builder().httpClient(http).endpointOverride(ENDPOINT)
                        .region(Region.EU_WEST_2).credentialsProvider(credentials).overrideConfiguration(once)
                        .build()) {
                    client.getItem(b -> b.tableName("Jobs-test").key(java.util.Map.of("job_id",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("job_1"))));
                }
            };
            case S3 -> () -> {
                try (var client = S3Client.builder().httpClient(http).endpointOverride(ENDPOINT).forcePathStyle(true)
                        .region(Region.EU_WEST_2).credentialsProvider(credentials).overrideConfiguration(once)
                        .build()) {
                    client.listObjectsV2(b -> b.bucket("drawings").prefix("drawings/"));
                }
            };
            case SQS -> () -> {
                try (var client = SqsClient.builder().httpClient(http).endpointOverride(ENDPOINT)
                        .region(Region.EU_WEST_2).credentialsProvider(credentials).overrideConfiguration(once)
                        .build()) {
                    client.sendMessage(b -> b.queueUrl(ENDPOINT + "/000000000000/q").messageBody("{}"));
                }
            };
            case SNS -> () -> {
                try (var client = SnsClient.builder().httpClient(http).endpointOverride(ENDPOINT)
                        .region(Region.EU_WEST_2).credentialsProvider(credentials).overrideConfiguration(once)
                        .build()) {
                    client.publish(b -> b.topicArn("arn:aws:sns:eu-west-2:000000000000:alerts").message("x"));
                }
            };
        };
        return catchThrowableOfType(AwsServiceException.class, request::run);
    }

    /** Answers every request with the canned response, as the fault-injecting front does. */
    private record CannedHttpClient(CannedResponse response) implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    SdkHttpFullResponse.Builder answer = SdkHttpFullResponse.builder().statusCode(response.status());
                    response.headers().forEach(answer::putHeader);
                    return HttpExecuteResponse.builder().response(answer.build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
