package io.mocplatform.function.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Clock;
import java.time.Duration;

/**
 * The SDK pieces micronaut-aws-sdk-v2 does not provide: the DynamoDB Enhanced Client (with its default
 * extensions, among them optimistic locking on {@code version}), the S3 presigner and the SSM parameter reader,
 * configured from the same {@code aws.*} properties as the clients (region, credentials, endpoint override,
 * path-style access).
 */
@Factory
public class AwsClientsFactory {

    @Singleton
    @Requires(beans = DynamoDbClient.class)
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient dynamoDb) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    }

    @Singleton
    @Requires(classes = S3Presigner.class)
    S3Presigner s3Presigner(AwsCredentialsProviderChain credentials, AwsRegionProviderChain region,
                            @Value("${aws.services.s3.endpoint-override:}") String endpointOverride,
                            @Value("${aws.s3.path-style-access-enabled:false}") boolean pathStyle) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .credentialsProvider(credentials)
                .region(region.getRegion())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (!endpointOverride.isBlank()) {
            builder.endpointOverride(java.net.URI.create(endpointOverride));
        }
        return builder.build();
    }

    /**
     * SecureString parameters (API keys, signing keys), read at first use through micronaut-aws-sdk-v2's
     * {@link SsmClient} and kept for {@code aws.ssm.parameter-ttl}; see {@link SsmParameterReader}.
     */
    @Singleton
    @Requires(classes = SsmClient.class)
    SsmParameterReader ssmParameterReader(SsmClient ssm, Clock clock,
                                          @Value("${aws.ssm.parameter-ttl:5m}") Duration timeToLive) {
        return new SsmParameterReader(ssm, clock, timeToLive);
    }

    /** The one clock: UTC system time, replaced in tests that need a fixed time. */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    io.mocplatform.model.IdGenerator idGenerator(Clock clock) {
        return new io.mocplatform.model.IdGenerator(clock);
    }
}
