package io.mocplatform.testkit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the AWS services answer (the in-process emulators, LocalStack, or anything else speaking the AWS
 * protocols) and how to sign for them. Produces configured SDK v2 clients and the Micronaut properties that point a
 * function's own client factories at the same place.
 *
 * @param dynamoDb        DynamoDB endpoint
 * @param sqs             SQS endpoint
 * @param s3              S3 endpoint (path-style addressing)
 * @param sns             SNS endpoint
 * @param ssm             SSM (Parameter Store) endpoint
 * @param region          region to sign for
 * @param accessKeyId     access key id
 * @param secretAccessKey secret access key
 */
public record LocalAwsEndpoints(URI dynamoDb, URI sqs, URI s3, URI sns, URI ssm, Region region, String accessKeyId,
                                String secretAccessKey) {

    public LocalAwsEndpoints {
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(sns, "sns");
        Objects.requireNonNull(ssm, "ssm");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** The same endpoints, signing with another key (a function's own, for example). */
    public LocalAwsEndpoints withCredentials(String otherAccessKeyId, String otherSecretAccessKey) {
        return new LocalAwsEndpoints(dynamoDb, sqs, s3, sns, ssm, region, otherAccessKeyId, otherSecretAccessKey);
    }

    /** Static credentials for the emulators. */
    public StaticCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /**
     * Properties for a Micronaut application context (micronaut-aws-sdk-v2 4.11): endpoint overrides per service,
     * path-style S3, the region and static credentials. micronaut-aws-sdk-v2 puts its
     * {@code EnvironmentAwsCredentialsProvider} (reading {@code aws.access-key-id}/{@code aws.secret-key}) ahead
     * of the SDK's default chain, and its region provider reads {@code aws.region}, so these alone configure every
     * client it builds.
     */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("aws.region", region.id());
        properties.put("aws.access-key-id", accessKeyId);
        properties.put("aws.secret-key", secretAccessKey);
        properties.put("aws.services.dynamodb.endpoint-override", dynamoDb.toString());
        properties.put("aws.services.sqs.endpoint-override", sqs.toString());
        properties.put("aws.services.s3.endpoint-override", s3.toString());
        properties.put("aws.services.sns.endpoint-override", sns.toString());
        properties.put("aws.services.ssm.endpoint-override", ssm.toString());
        properties.put("aws.s3.path-style-access-enabled", true);
        return properties;
    }

    /** A DynamoDB client builder aimed at {@link #dynamoDb()}; add overrides, then build. */
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return DynamoDbClient.builder().endpointOverride(dynamoDb).region(region)
                .credentialsProvider(credentialsProvider()).httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    /** An SQS client builder aimed at {@link #sqs()}. */
    public SqsClientBuilder sqsClientBuilder() {
        return SqsClient.builder().endpointOverride(sqs).region(region)
                .credentialsProvider(credentialsProvider()).httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    /** An S3 client builder aimed at {@link #s3()} with path-style addressing (no bucket DNS names locally). */
    public S3ClientBuilder s3ClientBuilder() {
        return S3Client.builder().endpointOverride(s3).region(region).forcePathStyle(true)
                .credentialsProvider(credentialsProvider()).httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    /** An SNS client builder aimed at {@link #sns()}. */
    public SnsClientBuilder snsClientBuilder() {
        return SnsClient.builder().endpointOverride(sns).region(region)
                .credentialsProvider(credentialsProvider()).httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    /** A new DynamoDB client; the caller closes it. */
    public DynamoDbClient newDynamoDbClient() {
        return dynamoDbClientBuilder().build();
    }

    /** A new SQS client; the caller closes it. */
    public SqsClient newSqsClient() {
        return sqsClientBuilder().build();
    }

    /** A new S3 client; the caller closes it. */
    public S3Client newS3Client() {
        return s3ClientBuilder().build();
    }

    /** A new SNS client; the caller closes it. */
    public SnsClient newSnsClient() {
        return snsClientBuilder().build();
    }

    /** A new presigner producing path-style URLs on {@link #s3()}; the caller closes it. */
    public S3Presigner newS3Presigner() {
        return S3Presigner.builder().endpointOverride(s3).region(region).credentialsProvider(credentialsProvider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }
}
