package io.mocplatform.testkit;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One shared set of SDK v2 sync clients for a {@link LocalAwsEndpoints}, built on first use and closed together.
 * SDK clients are thread-safe, so parallel tests share them instead of each opening their own.
 */
public final class AwsClients implements AutoCloseable {

    private final LocalAwsEndpoints endpoints;
    private final Lazy<DynamoDbClient> dynamoDb;
    private final Lazy<DynamoDbEnhancedClient> enhanced;
    private final Lazy<SqsClient> sqs;
    private final Lazy<S3Client> s3;
    private final Lazy<S3Presigner> presigner;
    private final Lazy<SnsClient> sns;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Clients for the given endpoints; nothing is built until asked for. */
    public AwsClients(LocalAwsEndpoints endpoints) {
        this.endpoints = endpoints;
        this.dynamoDb = new Lazy<>(endpoints::newDynamoDbClient);
        this.enhanced = new Lazy<>(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build());
        this.sqs = new Lazy<>(endpoints::newSqsClient);
        this.s3 = new Lazy<>(endpoints::newS3Client);
        this.presigner = new Lazy<>(endpoints::newS3Presigner);
        this.sns = new Lazy<>(endpoints::newSnsClient);
    }

    public LocalAwsEndpoints endpoints() {
        return endpoints;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    /** An enhanced client over {@link #dynamoDb()}, with the default extensions (versioning included). */
    public DynamoDbEnhancedClient dynamoDbEnhanced() {
        return enhanced.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    public S3Presigner s3Presigner() {
        return presigner.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (opened) {
            toClose = List.copyOf(opened);
            opened.clear();
        }
        for (AutoCloseable client : toClose) {
            try {
                client.close();
            } catch (Exception ignored) {
                // Closing a client only releases its connection pool; nothing useful to report at shutdown.
            }
        }
    }

    /** Builds once, remembers what it built so {@link #close()} can release it. */
    private final class Lazy<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T current = value;
            if (current == null) {
                synchronized (this) {
                    current = value;
                    if (current == null) {
                        current = factory.get();
                        if (current instanceof AutoCloseable closeable) {
                            synchronized (opened) {
                                opened.add(closeable);
                            }
                        }
                        value = current;
                    }
                }
            }
            return current;
        }
    }
}
