package io.mocplatform.testkit;

import io.mocplatform.model.PlatformNames;
import io.mocplatform.jobstore.dynamodb.ImageTable;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.jobstore.dynamodb.TableDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ResourceProvisioner} must have created, checked through the AWS APIs only, so the same assertions
 * run against the in-process emulators and against LocalStack.
 */
final class ResourceContract {

    private ResourceContract() {
    }

    static void assertProvisioned(AwsClients clients, LocalAwsEnvironment env, Duration visibilityTimeout) {
        PlatformNames.Resources names = PlatformNames.Resources.forEnvironment(env.name());
        assertThat(env.resources()).isEqualTo(names);

        assertTableMatches(clients, JobTable.definition(names.jobsTable()));
        assertTableMatches(clients, ImageTable.definition(names.imagesTable()));

        Map<QueueAttributeName, String> queue = attributes(clients, env.jobsQueueUrl());
        assertThat(queue.get(QueueAttributeName.QUEUE_ARN)).isEqualTo(env.jobsQueueArn()).endsWith(":" + names.jobsQueue());
        assertThat(queue.get(QueueAttributeName.VISIBILITY_TIMEOUT))
                .isEqualTo(Long.toString(visibilityTimeout.toSeconds()));
        assertThat(queue.get(QueueAttributeName.REDRIVE_POLICY))
                .contains("\"deadLetterTargetArn\":\"" + env.jobsDlqArn() + "\"")
                .containsPattern("\"maxReceiveCount\":\"?3\"?");
        Map<QueueAttributeName, String> dlq = attributes(clients, env.jobsDlqUrl());
        assertThat(dlq.get(QueueAttributeName.QUEUE_ARN)).isEqualTo(env.jobsDlqArn()).endsWith(":" + names.jobsDlq());

        clients.s3().headBucket(b -> b.bucket(names.imagesBucket()));
        clients.s3().headBucket(b -> b.bucket(names.drawingsBucket()));

        assertThat(env.alertsTopicArn()).endsWith(":" + names.alertsTopic());
        assertThat(clients.sns().getTopicAttributes(b -> b.topicArn(env.alertsTopicArn())).attributes())
                .containsEntry("TopicArn", env.alertsTopicArn());
    }

    private static void assertTableMatches(AwsClients clients, TableDefinition definition) {
        TableDescription table = clients.dynamoDb().describeTable(b -> b.tableName(definition.tableName())).table();
        assertThat(keyNames(table.keySchema())).isEqualTo(keyNames(definition.createTableRequest().keySchema()));
        List<String> indexes = table.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).sorted().toList();
        assertThat(indexes).isEqualTo(definition.indexes().stream().map(TableDefinition.Index::name).sorted()
                .toList());
        assertThat(clients.dynamoDb().describeTimeToLive(b -> b.tableName(definition.tableName()))
                .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    private static List<String> keyNames(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> k.keyType() + ":" + k.attributeName()).toList();
    }

    private static Map<QueueAttributeName, String> attributes(AwsClients clients, String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }
}
