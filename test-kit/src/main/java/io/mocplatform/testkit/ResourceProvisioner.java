package io.mocplatform.testkit;

import io.mocplatform.model.PlatformNames;
import io.mocplatform.jobstore.dynamodb.ImageTable;
import io.mocplatform.jobstore.dynamodb.JobTable;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Creates one environment's resources from the shared definitions: both tables ({@link JobTable},
 * {@link ImageTable}), the drawing-jobs queue with its dead-letter queue and redrive policy, both buckets and the
 * alerts topic. Every step is idempotent, so the devstack can run it at each start over its persisted state. It
 * only uses the AWS APIs, so the same code provisions the in-process emulators and LocalStack.
 */
public final class ResourceProvisioner {

    /** Receives before SQS moves a message to the dead-letter queue (as Terraform's redrive policy sets it). */
    public static final int MAX_RECEIVE_COUNT = 3;
    /** The main queue's visibility timeout in AWS; locally a shorter one is configured. */
    public static final Duration AWS_VISIBILITY_TIMEOUT = Duration.ofSeconds(1800);
    /** Dead letters are kept as long as SQS allows, for a redrive after a fix. */
    public static final Duration DLQ_RETENTION = Duration.ofDays(14);

    /** Lower-case, digits and hyphens, short enough that every bucket name stays within S3's 63 characters. */
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");

    private final AwsClients clients;
    private final Duration visibilityTimeout;

    public ResourceProvisioner(AwsClients clients, Duration visibilityTimeout) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.visibilityTimeout = Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    }

    /**
     * Creates (or finds) every resource of {@code environment} and describes them. Tables, queues, buckets and the
     * topic are created concurrently: each goes to another service, and the first use of each SDK client is
     * mostly class loading, which overlaps well.
     */
    public LocalAwsEnvironment provision(String environment) {
        requireValidEnvironmentName(environment);
        PlatformNames.Resources names = PlatformNames.Resources.forEnvironment(environment);
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            CompletableFuture<Void> jobsTable = CompletableFuture.runAsync(
                    () -> JobTable.definition(names.jobsTable()).createIfAbsent(clients.dynamoDb()), pool);
            CompletableFuture<Void> imagesTable = CompletableFuture.runAsync(
                    () -> ImageTable.definition(names.imagesTable()).createIfAbsent(clients.dynamoDb()), pool);
            CompletableFuture<Queues> queues = CompletableFuture.supplyAsync(() -> createQueues(names), pool);
            CompletableFuture<Void> buckets = CompletableFuture.runAsync(() -> {
                createBucket(names.imagesBucket());
                createBucket(names.drawingsBucket());
            }, pool);
            CompletableFuture<String> topic = CompletableFuture.supplyAsync(
                    () -> clients.sns().createTopic(b -> b.name(names.alertsTopic())).topicArn(), pool);
            join(CompletableFuture.allOf(jobsTable, imagesTable, queues, buckets, topic));

            String cdnBaseUrl = clients.endpoints().s3().resolve("/" + names.imagesBucket()).toString();
            Queues created = queues.join();
            return new LocalAwsEnvironment(environment, clients.endpoints(), names, created.url(), created.arn(),
                    created.dlqUrl(), created.dlqArn(), topic.join(), cdnBaseUrl);
        }
    }

    /** The redrive policy Terraform sets on the drawing-jobs queue. */
    public static String redrivePolicy(String deadLetterQueueArn) {
        return "{\"deadLetterTargetArn\":\"" + deadLetterQueueArn + "\",\"maxReceiveCount\":\""
                + MAX_RECEIVE_COUNT + "\"}";
    }

    static void requireValidEnvironmentName(String environment) {
        if (environment == null || !ENVIRONMENT_NAME.matcher(environment).matches()) {
            throw new IllegalArgumentException("environment name must match " + ENVIRONMENT_NAME
                    + " (it ends up in bucket names): " + environment);
        }
    }

    private record Queues(String url, String arn, String dlqUrl, String dlqArn) {
    }

    private Queues createQueues(PlatformNames.Resources names) {
        String dlqUrl = createQueue(names.jobsDlq(), Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(DLQ_RETENTION)));
        String dlqArn = queueArn(dlqUrl);
        String queueUrl = createQueue(names.jobsQueue(), Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, seconds(visibilityTimeout),
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy(dlqArn)));
        return new Queues(queueUrl, queueArn(queueUrl), dlqUrl, dlqArn);
    }

    /** Waits and rethrows the first failure as it was thrown (an SDK exception, not a wrapper). */
    private static void join(CompletableFuture<Void> all) {
        try {
            all.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        try {
            return clients.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException differentAttributes) {
            // A persisted queue from an earlier run with other settings (say, another visibility timeout).
            String url = clients.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
            clients.sqs().setQueueAttributes(b -> b.queueUrl(url).attributes(attributes));
            return url;
        }
    }

    private String queueArn(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private void createBucket(String bucket) {
        String region = clients.endpoints().region().id();
        try {
            // Outside us-east-1, S3 (and LocalStack) insist on a location constraint matching the region.
            clients.s3().createBucket(b -> {
                b.bucket(bucket);
                if (!"us-east-1".equals(region)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // Idempotent on purpose: the devstack provisions at every start.
        }
    }

    private static String seconds(Duration duration) {
        return Long.toString(duration.toSeconds());
    }
}
