package io.mocplatform.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link LocalAws} runs the emulators: in memory (tests) or with a data directory (the devstack), on which
 * loopback ports, for which region and default environment.
 *
 * @param dataDir                where the emulators keep their state, or null to keep everything in memory
 * @param region                 region the clients sign for and the ARNs name
 * @param environment            environment name of the resources created at start ({@code test}, {@code local})
 * @param dynamoDbPort           where clients reach DynamoDB (the AWS edge's front), 0 for a free one
 * @param sqsPort                where clients reach SQS (the edge's front), 0 for a free one
 * @param s3Port                 where clients reach S3 (the edge's front), 0 for a free one
 * @param snsPort                where clients reach SNS (the edge's front), 0 for a free one
 * @param ssmPort                where clients reach SSM Parameter Store (the edge's front), 0 for a free one
 * @param queueVisibilityTimeout visibility timeout of the drawing-jobs queue (1800 s in AWS; short locally so a
 *                               failed delivery comes back within a test)
 * @param accessKeyId            the administrator's key: unrestricted, its signatures verified by the AWS edge
 * @param secretAccessKey        its secret
 */
public record LocalAwsConfig(Path dataDir, String region, String environment, int dynamoDbPort, int sqsPort,
                             int s3Port, int snsPort, int ssmPort, Duration queueVisibilityTimeout, String accessKeyId,
                             String secretAccessKey) {

    /** Region used unless told otherwise: where the platform is deployed. */
    public static final String DEFAULT_REGION = "eu-west-2";
    /** Environment name of the resources created at start unless told otherwise. */
    public static final String DEFAULT_ENVIRONMENT = "test";
    /** Matches the credentials failsafe puts in the test JVM's environment. */
    public static final String DEFAULT_ACCESS_KEY_ID = "test";
    /** Matches the credentials failsafe puts in the test JVM's environment. */
    public static final String DEFAULT_SECRET_ACCESS_KEY = "test";
    /** Short enough for a redelivery inside a test, long enough not to race a handler that is still working. */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(5);

    public LocalAwsConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(queueVisibilityTimeout, "queue visibility timeout");
        Objects.requireNonNull(accessKeyId, "access key id");
        Objects.requireNonNull(secretAccessKey, "secret access key");
        ResourceProvisioner.requireValidEnvironmentName(environment);
        for (int port : new int[] {dynamoDbPort, sqsPort, s3Port, snsPort, ssmPort}) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** Everything in memory on free ports, region eu-west-2, environment {@code test}: what tests want. */
    public static LocalAwsConfig inMemory() {
        return builder().build();
    }

    /** State kept under {@code dataDir}, free ports, defaults otherwise. */
    public static LocalAwsConfig persistent(Path dataDir) {
        return builder().dataDir(dataDir).build();
    }

    /** A builder starting from the in-memory defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this configuration. */
    public Builder toBuilder() {
        return new Builder().dataDir(dataDir).region(region).environment(environment).dynamoDbPort(dynamoDbPort)
                .sqsPort(sqsPort).s3Port(s3Port).snsPort(snsPort).ssmPort(ssmPort).queueVisibilityTimeout(queueVisibilityTimeout)
                .credentials(accessKeyId, secretAccessKey);
    }

    /** Builder for {@link LocalAwsConfig}. */
    public static final class Builder {
        private Path dataDir;
        private String region = DEFAULT_REGION;
        private String environment = DEFAULT_ENVIRONMENT;
        private int dynamoDbPort;
        private int sqsPort;
        private int s3Port;
        private int snsPort;
        private int ssmPort;
        private Duration queueVisibilityTimeout = DEFAULT_VISIBILITY_TIMEOUT;
        private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
        private String secretAccessKey = DEFAULT_SECRET_ACCESS_KEY;

        private Builder() {
        }

        /** Keep state under this directory (null: in memory). */
        public Builder dataDir(Path value) { dataDir = value; return this; }
        public Builder region(String value) { region = value; return this; }
        public Builder environment(String value) { environment = value; return this; }
        public Builder dynamoDbPort(int value) { dynamoDbPort = value; return this; }
        public Builder sqsPort(int value) { sqsPort = value; return this; }
        public Builder s3Port(int value) { s3Port = value; return this; }
        public Builder snsPort(int value) { snsPort = value; return this; }
        public Builder ssmPort(int value) { ssmPort = value; return this; }
        public Builder queueVisibilityTimeout(Duration value) { queueVisibilityTimeout = value; return this; }

        /** The administrator's key (unrestricted; its signatures are verified). */
        public Builder credentials(String keyId, String secret) {
            accessKeyId = keyId;
            secretAccessKey = secret;
            return this;
        }

        public LocalAwsConfig build() {
            return new LocalAwsConfig(dataDir, region, environment, dynamoDbPort, sqsPort, s3Port, snsPort, ssmPort,
                    queueVisibilityTimeout, accessKeyId, secretAccessKey);
        }
    }
}
