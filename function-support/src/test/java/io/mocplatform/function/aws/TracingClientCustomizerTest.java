package io.mocplatform.function.aws;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The X-Ray interceptor on the clients micronaut-aws-sdk-v2 builds: created at the first AWS call, not with the
 * client, and then recording the call. A real SDK request goes to a local endpoint standing in for DynamoDB.
 */
class TracingClientCustomizerTest {

    private final WireMockServer dynamoDb = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startDynamoDb() {
        dynamoDb.start();
        dynamoDb.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withHeader("x-amzn-RequestId", "req-1")
                .withBody("{\"TableNames\":[\"Jobs-dev\"]}")));
    }

    @AfterEach
    void stopDynamoDb() {
        dynamoDb.stop();
        AWSXRay.clearTraceEntity();
    }

    private ApplicationContext context(boolean tracing) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.region", "eu-west-2");
        properties.put("aws.access-key-id", "test");
        properties.put("aws.secret-key", "test");
        properties.put("aws.services.dynamodb.endpoint-override", dynamoDb.baseUrl());
        properties.put("tracing.enabled", Boolean.toString(tracing));
        return ApplicationContext.run(properties);
    }

    private static List<ExecutionInterceptor> interceptorsOf(SdkClient client) {
        return client.serviceClientConfiguration().overrideConfiguration().executionInterceptors();
    }

    private static LazyExecutionInterceptor tracingOf(SdkClient client) {
        return interceptorsOf(client).stream()
                .filter(LazyExecutionInterceptor.class::isInstance)
                .map(LazyExecutionInterceptor.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tracing interceptor on " + client.serviceName()));
    }

    @Test
    void shouldCreateTheXRayInterceptorAtTheFirstCall_andRecordTheCallAsASubsegment() {
        try (ApplicationContext context = context(true)) {
            DynamoDbClient client = context.getBean(DynamoDbClient.class);
            LazyExecutionInterceptor tracing = tracingOf(client);
            assertThat(tracing.created()).as("created with the client").isFalse();

            Segment segment = AWSXRay.beginSegment("tracing-test");
            assertThat(client.listTables().tableNames()).containsExactly("Jobs-dev");

            assertThat(tracing.created()).isTrue();
            assertThat(segment.getSubsegments()).singleElement().satisfies(call -> {
                Subsegment subsegment = (Subsegment) call;
                assertThat(subsegment.getName()).isEqualTo("DynamoDb");
                assertThat(subsegment.getNamespace()).isEqualTo("aws");
                assertThat(subsegment.getAws()).containsEntry("operation", "ListTables")
                        .containsEntry("request_id", "req-1");
                assertThat(subsegment.getHttp()).extractingByKey("response")
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("status", 200);
                assertThat(subsegment.isInProgress()).as("ended by the after-execution hook").isFalse();
            });
        }
    }

    @Test
    void shouldGiveEveryClientTheSameInterceptor_soXRaysIsCreatedOnce() {
        try (ApplicationContext context = context(true)) {
            LazyExecutionInterceptor dynamoDbTracing = tracingOf(context.getBean(DynamoDbClient.class));
            LazyExecutionInterceptor sqsTracing = tracingOf(context.getBean(SqsClient.class));

            assertThat(sqsTracing).isSameAs(dynamoDbTracing);
            assertThat(sqsTracing.created()).isFalse();
        }
    }

    @Test
    void shouldLeaveClientsUntraced_whenTracingIsOff() {
        try (ApplicationContext context = context(false)) {
            assertThat(interceptorsOf(context.getBean(DynamoDbClient.class)))
                    .noneMatch(LazyExecutionInterceptor.class::isInstance);
        }
    }
}
