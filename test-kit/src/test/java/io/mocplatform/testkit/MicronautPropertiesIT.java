package io.mocplatform.testkit;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A function's Micronaut context, given only the kit's properties, reaches the emulators with its own clients. */
@WithLocalAws
class MicronautPropertiesIT {

    @Test
    void shouldConfigureMicronautAwsClients_fromKitPropertiesAlone(LocalAwsEnvironment env) {
        try (ApplicationContext context = ApplicationContext.run(env.micronautProperties())) {
            assertThat(context.getBean(DynamoDbClient.class).describeTable(b -> b.tableName(env.resources()
                    .jobsTable())).table().tableName()).isEqualTo(env.resources().jobsTable());
            assertThat(context.getBean(SqsClient.class).getQueueUrl(b -> b.queueName(env.resources().jobsQueue()))
                    .queueUrl()).isEqualTo(env.jobsQueueUrl());
            context.getBean(S3Client.class).headBucket(b -> b.bucket(env.resources().imagesBucket()));
            assertThat(context.getBean(SnsClient.class).getTopicAttributes(b -> b.topicArn(env.alertsTopicArn()))
                    .attributes()).containsEntry("TopicArn", env.alertsTopicArn());
        }
    }
}
