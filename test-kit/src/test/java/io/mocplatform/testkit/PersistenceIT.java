package io.mocplatform.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devstack's mode: state under a data directory survives stopping and starting the emulators again. Runs
 * alone: its own emulators starting beside the shared ones would double both start times on two cores.
 */
@Isolated
class PersistenceIT {

    private static final Map<String, AttributeValue> JOB = Map.of("job_id", AttributeValue.fromS("job_1_kept"),
            "owner", AttributeValue.fromS("user-1"));

    @Test
    void shouldKeepItemsObjectsMessagesAndTopics_whenRestartedOnSameDataDir(@TempDir Path dataDir) {
        LocalAwsConfig config = LocalAwsConfig.builder().dataDir(dataDir).environment("local").build();
        String subscriptionArn;
        try (LocalAws first = LocalAws.start(config)) {
            LocalAwsEnvironment env = first.environment();
            first.clients().dynamoDb().putItem(b -> b.tableName(env.resources().jobsTable()).item(JOB));
            first.clients().s3().putObject(b -> b.bucket(env.resources().drawingsBucket()).key("drawings/kept.pdf"),
                    RequestBody.fromString("%PDF-1.7 kept"));
            first.clients().sqs().sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody("kept message"));
            subscriptionArn = first.clients().sns().subscribe(b -> b.topicArn(env.alertsTopicArn()).protocol("sqs")
                    .endpoint(env.jobsDlqArn())).subscriptionArn();
        }

        try (LocalAws second = LocalAws.start(config)) {
            LocalAwsEnvironment env = second.environment();
            assertThat(second.clients().dynamoDb().getItem(b -> b.tableName(env.resources().jobsTable())
                    .key(Map.of("job_id", JOB.get("job_id")))).item()).isEqualTo(JOB);
            assertThat(second.clients().s3().getObjectAsBytes(b -> b.bucket(env.resources().drawingsBucket())
                    .key("drawings/kept.pdf")).asUtf8String()).isEqualTo("%PDF-1.7 kept");
            List<Message> messages = second.clients().sqs().receiveMessage(b -> b.queueUrl(env.jobsQueueUrl())
                    .waitTimeSeconds(1)).messages();
            assertThat(messages).extracting(Message::body).containsExactly("kept message");
            assertThat(second.clients().sns().listSubscriptionsByTopic(b -> b.topicArn(env.alertsTopicArn()))
                    .subscriptions()).singleElement()
                    .satisfies(s -> assertThat(s.subscriptionArn()).isEqualTo(subscriptionArn));
            System.out.println("persistent restart: " + second.startupTimes());
        }
    }
}
