package io.mocplatform.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Persistent ElasticMQ servers one after another in one JVM, each on its own data directory, as the devstack's ITs
 * start their stacks: each sees its own directory's queues and messages and nothing of the others', although
 * ElasticMQ's SQL persistence keeps one connection pool for the whole JVM. Runs alone: a persistent server
 * elsewhere in the JVM would be refused.
 */
@Isolated
class ElasticMqDataDirIT {

    @Test
    void shouldRestoreOnlyItsOwnDataDirsQueues_whenAnotherServerRanBeforeInThisJvm(@TempDir Path first,
                                                                                  @TempDir Path second) {
        try (ElasticMqServer server = start(first); SqsClient sqs = client(server)) {
            String queueUrl = sqs.createQueue(b -> b.queueName("only-in-first")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("kept in first"));
        }

        try (ElasticMqServer server = start(second); SqsClient sqs = client(server)) {
            assertThat(sqs.listQueues().queueUrls()).as("queues of a fresh data directory").isEmpty();
            sqs.createQueue(b -> b.queueName("only-in-second"));
        }

        try (ElasticMqServer server = start(first); SqsClient sqs = client(server)) {
            assertThat(sqs.listQueues().queueUrls()).singleElement().asString().endsWith("/only-in-first");
            String queueUrl = sqs.getQueueUrl(b -> b.queueName("only-in-first")).queueUrl();
            assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages())
                    .extracting(Message::body).containsExactly("kept in first");
        }
    }

    @Test
    void shouldRefuseASecondPersistentServer_whileTheFirstStillRuns(@TempDir Path first, @TempDir Path second) {
        try (ElasticMqServer ignored = start(first)) {
            assertThatThrownBy(() -> start(second)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still running in this JVM");
        }
        start(second).close();
    }

    private static ElasticMqServer start(Path dataDir) {
        return ElasticMqServer.start(0, LocalAwsConfig.DEFAULT_REGION, dataDir);
    }

    private static SqsClient client(ElasticMqServer server) {
        return SqsClient.builder().endpointOverride(server.endpoint()).region(Region.of(LocalAwsConfig.DEFAULT_REGION))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
