package io.mocplatform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.testkit.sns.PublishedMessage;
import io.mocplatform.testkit.sns.SnsStandIn;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.ThrottledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithLocalAws
class SnsStandInIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalAws aws;
    private final SnsClient sns;
    private final SqsClient sqs;

    SnsStandInIT(LocalAws aws, SnsClient sns, SqsClient sqs) {
        this.aws = aws;
        this.sns = sns;
        this.sqs = sqs;
    }

    @Test
    void shouldDeliverNotificationEnvelope_whenQueueIsSubscribed() throws Exception {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String inbox = subscribedQueue(env, "envelope", false);

        String messageId = sns.publish(b -> b.topicArn(env.alertsTopicArn()).subject("Job failed")
                .message("{\"job_id\":\"job_1_a\"}")
                .messageAttributes(Map.of("severity", stringAttribute("high")))).messageId();

        JsonNode envelope = JSON.readTree(receiveOne(inbox).body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(env.alertsTopicArn());
        assertThat(envelope.path("Subject").asText()).isEqualTo("Job failed");
        assertThat(envelope.path("Message").asText()).isEqualTo("{\"job_id\":\"job_1_a\"}");
        assertThat(envelope.path("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(envelope.path("MessageAttributes").path("severity").path("Type").asText()).isEqualTo("String");
        assertThat(envelope.path("MessageAttributes").path("severity").path("Value").asText()).isEqualTo("high");
    }

    @Test
    void shouldDeliverTheSqsEntry_whenMessageStructureIsJson() throws Exception {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String enveloped = subscribedQueue(env, "structured", false);
        String raw = subscribedQueue(env, "structured-raw", true);
        String structure = "{\"default\":\"Job job_1_s failed\",\"sqs\":\"{\\\"job_id\\\":\\\"job_1_s\\\"}\"}";

        sns.publish(b -> b.topicArn(env.alertsTopicArn()).messageStructure("json").message(structure));

        assertThat(JSON.readTree(receiveOne(enveloped).body()).path("Message").asText())
                .isEqualTo("{\"job_id\":\"job_1_s\"}");
        assertThat(receiveOne(raw).body()).isEqualTo("{\"job_id\":\"job_1_s\"}");
        PublishedMessage recorded = aws.sns().published(env.alertsTopicArn()).getFirst();
        assertThat(recorded.message()).isEqualTo(structure);
        assertThat(recorded.messageFor("email")).isEqualTo("Job job_1_s failed");
    }

    @Test
    void shouldDeliverTheDefaultEntry_whenMessageStructureHasNoSqsEntry() throws Exception {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String inbox = subscribedQueue(env, "structured-default", false);

        sns.publish(b -> b.topicArn(env.alertsTopicArn()).messageStructure("json")
                .message("{\"default\":\"for everyone\",\"email\":\"for people\"}"));

        assertThat(JSON.readTree(receiveOne(inbox).body()).path("Message").asText()).isEqualTo("for everyone");
    }

    @Test
    void shouldRefuseThePublish_whenMessageStructureLacksDefault() {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(env.alertsTopicArn()).messageStructure("json")
                .message("{\"sqs\":\"only for queues\"}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No default entry");
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(env.alertsTopicArn()).messageStructure("json")
                .message("not json")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("failed to parse");
        assertThat(aws.sns().published(env.alertsTopicArn())).isEmpty();
    }

    @Test
    void shouldDeliverBareMessageWithAttributes_whenRawMessageDeliveryIsOn() {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String inbox = subscribedQueue(env, "raw", true);

        sns.publish(b -> b.topicArn(env.alertsTopicArn()).message("plain body")
                .messageAttributes(Map.of("severity", stringAttribute("low"))));

        Message delivered = receiveOne(inbox);
        assertThat(delivered.body()).isEqualTo("plain body");
        assertThat(delivered.messageAttributes().get("severity").stringValue()).isEqualTo("low");
    }

    @Test
    void shouldFailPublishWithThrottledException_whileTopicIsThrottled() {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        aws.sns().throttleAllPublishes(env.alertsTopicArn());
        try (SnsClient noRetries = aws.endpoints().snsClientBuilder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {

            assertThatThrownBy(() -> noRetries.publish(b -> b.topicArn(env.alertsTopicArn()).message("m")))
                    .isInstanceOfSatisfying(ThrottledException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.isThrottlingException()).isTrue();
                    });
        } finally {
            aws.sns().stopThrottling(env.alertsTopicArn());
        }
        assertThat(aws.sns().published(env.alertsTopicArn())).isEmpty();
    }

    @Test
    void shouldPublishOnce_whenSdkRetriesAfterOneThrottle() {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        aws.sns().throttlePublishes(env.alertsTopicArn(), 1);

        sns.publish(b -> b.topicArn(env.alertsTopicArn()).message("after retry"));

        assertThat(aws.sns().published(env.alertsTopicArn())).extracting(PublishedMessage::message)
                .containsExactly("after retry");
    }

    @Test
    void shouldRecordPublishAndNotifyListeners_evenWithoutSubscribers() {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        List<PublishedMessage> heard = new CopyOnWriteArrayList<>();
        Consumer<PublishedMessage> listener = message -> {
            if (message.topicArn().equals(env.alertsTopicArn())) {
                heard.add(message);
            }
        };
        SnsStandIn standIn = aws.sns();
        standIn.addPublishListener(listener);
        try {
            sns.publish(b -> b.topicArn(env.alertsTopicArn()).subject("s").message("recorded"));
        } finally {
            standIn.removePublishListener(listener);
        }

        assertThat(standIn.published(env.alertsTopicArn())).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("s");
            assertThat(m.message()).isEqualTo("recorded");
        });
        assertThat(heard).extracting(PublishedMessage::message).containsExactly("recorded");
    }

    @Test
    void shouldListTopicsAndSubscriptions_likeSns() {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String inbox = subscribedQueue(env, "listed", false);
        String inboxArn = queueArn(inbox);

        assertThat(sns.listTopicsPaginator().topics()).anySatisfy(t ->
                assertThat(t.topicArn()).isEqualTo(env.alertsTopicArn()));
        List<Subscription> subscriptions = sns.listSubscriptionsByTopic(b -> b.topicArn(env.alertsTopicArn()))
                .subscriptions();
        assertThat(subscriptions).singleElement().satisfies(s -> {
            assertThat(s.protocol()).isEqualTo("sqs");
            assertThat(s.endpoint()).isEqualTo(inboxArn);
            assertThat(s.topicArn()).isEqualTo(env.alertsTopicArn());
            assertThat(s.subscriptionArn()).startsWith(env.alertsTopicArn() + ":");
        });
        assertThat(sns.createTopic(b -> b.name(env.resources().alertsTopic())).topicArn())
                .as("creating an existing topic returns it").isEqualTo(env.alertsTopicArn());
    }

    @Test
    void shouldAnswerNotFound_whenPublishingToUnknownTopic() {
        String unknown = aws.environment().alertsTopicArn() + "-missing";

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(unknown).message("m")))
                .isInstanceOf(NotFoundException.class);
    }

    private String subscribedQueue(LocalAwsEnvironment env, String purpose, boolean raw) {
        String url = sqs.createQueue(b -> b.queueName(purpose + "-inbox-" + env.name())).queueUrl();
        sns.subscribe(b -> b.topicArn(env.alertsTopicArn()).protocol("sqs").endpoint(queueArn(url))
                .attributes(raw ? Map.of("RawMessageDelivery", "true") : Map.of()));
        return url;
    }

    private String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private Message receiveOne(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2)
                .messageAttributeNames("All")).messages();
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
