package io.mocplatform.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The other JVM of {@link ElasticMqDurabilityIT}, which kills it with {@code destroyForcibly} (SIGKILL): nothing of
 * ElasticMQ's shutdown runs, as when the devstack is killed. One line per fact on stdout, flushed at once:
 * {@code sent <body>} after SendMessage answered, {@code received <body>} for each message found after a restart.
 *
 * <p>Each mode runs in a fresh JVM, because ElasticMQ's SQL persistence keeps its connection pool in a JVM-wide
 * singleton bound to the first data directory it saw.
 */
final class ElasticMqChild {

    static final String QUEUE = "durability";

    private ElasticMqChild() {
    }

    /** {@code send <dataDir> <count>} (then waits to be killed) or {@code drain <dataDir>}. */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        ElasticMqServer server = ElasticMqServer.start(0, LocalAwsConfig.DEFAULT_REGION, dataDir);
        try (SqsClient sqs = SqsClient.builder().endpointOverride(server.endpoint())
                .region(Region.of(LocalAwsConfig.DEFAULT_REGION)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            String queueUrl = sqs.createQueue(b -> b.queueName(QUEUE)).queueUrl();
            if (args[0].equals("send")) {
                send(sqs, queueUrl, Integer.parseInt(args[2]));
                Thread.sleep(Long.MAX_VALUE);
            } else {
                drain(sqs, queueUrl);
            }
        }
        server.close();
        System.exit(0);
    }

    private static void send(SqsClient sqs, String queueUrl, int count) {
        for (int i = 0; i < count; i++) {
            String body = "message-" + i;
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
            System.out.println("sent " + body);
            System.out.flush();
        }
    }

    private static void drain(SqsClient sqs, String queueUrl) {
        Set<String> seen = new HashSet<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(60).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                if (seen.add(message.body())) {
                    System.out.println("received " + message.body());
                }
            }
        }
        System.out.flush();
    }
}
