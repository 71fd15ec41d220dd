package io.mocplatform.devstack.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.devstack.lambda.InvocationResult;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event source mapping against ElasticMQ with a scripted function: what gets deleted, what comes back, and
 * what the queue's redrive policy dead-letters.
 */
@WithLocalAws
class EventSourceMappingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDeleteSuccesses_retryReportedFailures_andDeadLetterAfterThreeReceives(LocalAws aws, SqsClient sqs) {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        Map<String, List<Integer>> receiveCounts = new ConcurrentHashMap<>();
        List<JsonNode> records = new CopyOnWriteArrayList<>();
        EventSourceMapping.Settings settings = new EventSourceMapping.Settings("processor", env.jobsQueueUrl(),
                env.jobsQueueArn(), "eu-west-2", 10, true);
        try (EventSourceMapping ignored = EventSourceMapping.start(settings, sqs, (function, event) -> {
            StringBuilder failures = new StringBuilder();
            for (JsonNode record : read(event).path("Records")) {
                records.add(record);
                String body = record.path("body").asText();
                receiveCounts.computeIfAbsent(body, b -> new CopyOnWriteArrayList<>())
                        .add(record.path("attributes").path("ApproximateReceiveCount").asInt());
                if (body.startsWith("poison")) {
                    failures.append(failures.isEmpty() ? "" : ",")
                            .append("{\"itemIdentifier\":\"").append(record.path("messageId").asText()).append("\"}");
                }
            }
            return new InvocationResult("r", InvocationResult.Status.OK,
                    ("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8), null,
                    Duration.ZERO);
        }, line -> { })) {
            sqs.sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody("good")
                    .messageAttributes(Map.of("correlation_id", MessageAttributeValue.builder().dataType("String")
                            .stringValue("corr-1").build())));
            sqs.sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody("poison"));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(visibleAndInFlight(sqs, env.jobsDlqUrl())).isEqualTo(1));
        }

        assertThat(receiveCounts.get("good")).containsExactly(1);
        assertThat(receiveCounts.get("poison")).containsExactly(1, 2, 3);
        assertThat(visibleAndInFlight(sqs, env.jobsQueueUrl())).isZero();
        JsonNode good = records.stream().filter(r -> r.path("body").asText().equals("good")).findFirst().orElseThrow();
        assertThat(good.path("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(good.path("eventSourceARN").asText()).isEqualTo(env.jobsQueueArn());
        assertThat(good.path("messageAttributes").path("correlation_id").path("stringValue").asText())
                .isEqualTo("corr-1");
        assertThat(good.path("attributes").path("SentTimestamp").asText()).isNotBlank();
    }

    @Test
    void shouldLeaveTheWholeBatch_whenTheFunctionFails(LocalAws aws, SqsClient sqs) {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        String queueUrl = env.jobsQueueUrl();
        EventSourceMapping.Settings settings = new EventSourceMapping.Settings("processor", queueUrl,
                env.jobsQueueArn(), "eu-west-2", 1, true);
        try (EventSourceMapping ignored = EventSourceMapping.start(settings, sqs, (function, event) -> {
            attempts.add(read(event).path("Records").get(0).path("attributes").path("ApproximateReceiveCount")
                    .asInt());
            return attempts.size() == 1
                    ? new InvocationResult("r", InvocationResult.Status.FUNCTION_ERROR, new byte[0], "boom",
                    Duration.ZERO)
                    : new InvocationResult("r", InvocationResult.Status.OK, "null".getBytes(StandardCharsets.UTF_8),
                    null, Duration.ZERO);
        }, line -> { })) {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("flaky"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(attempts).containsExactly(1, 2);
                assertThat(visibleAndInFlight(sqs, queueUrl)).isZero();
            });
        }
    }

    @Test
    void shouldAbandonABatchStillRunningAtStop_withoutDeletingIt_soItComesBack(LocalAws aws, SqsClient sqs)
            throws Exception {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String queueUrl = env.jobsQueueUrl();
        EventSourceMapping.Settings settings = new EventSourceMapping.Settings("processor", queueUrl,
                env.jobsQueueArn(), "eu-west-2", 1, true);
        List<Integer> receiveCounts = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventSourceMapping first = EventSourceMapping.start(settings, sqs, (function, event) -> {
            receiveCounts.add(receiveCount(event));
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InvocationResult("r", InvocationResult.Status.OK, "{\"batchItemFailures\":[]}"
                    .getBytes(StandardCharsets.UTF_8), null, Duration.ZERO);
        }, line -> { });
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("slow"));
        assertThat(running.await(30, TimeUnit.SECONDS)).as("the batch reached the function").isTrue();

        boolean ended = first.awaitStopped(Duration.ofMillis(200));
        release.countDown();

        assertThat(ended).as("the poller ended although its batch was still running").isFalse();
        try (EventSourceMapping ignored = EventSourceMapping.start(settings, sqs, (function, event) -> {
            receiveCounts.add(receiveCount(event));
            return new InvocationResult("r", InvocationResult.Status.OK, "{\"batchItemFailures\":[]}"
                    .getBytes(StandardCharsets.UTF_8), null, Duration.ZERO);
        }, line -> { })) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(receiveCounts).as("received again after its visibility timeout").containsExactly(1, 2);
                assertThat(visibleAndInFlight(sqs, queueUrl)).isZero();
            });
        }
    }

    private static int receiveCount(byte[] event) {
        return read(event).path("Records").get(0).path("attributes").path("ApproximateReceiveCount").asInt();
    }

    private static JsonNode read(byte[] event) {
        try {
            return JSON.readTree(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int visibleAndInFlight(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
