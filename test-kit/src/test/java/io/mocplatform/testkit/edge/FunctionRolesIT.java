package io.mocplatform.testkit.edge;

import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEndpoints;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Requests signed with a function's own key are judged by its role in the platform contract and refused as AWS
 * refuses them; the administrator's key ({@code test}/{@code test}) is unrestricted; bad signatures are refused.
 */
@WithLocalAws
class FunctionRolesIT {

    private static final String ROLE = "arn:aws:sts::000000000000:assumed-role/job-api-%s-role/job-api-%s";

    @Test
    void shouldRefuseDeleteTable_asJobApi_withDynamoDbsAccessDenied(LocalAws aws) {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String table = env.resources().jobsTable();
        String tableArn = "arn:aws:dynamodb:eu-west-2:000000000000:table/" + table;

        try (DynamoDbClient jobApi = env.endpointsFor("job-api").newDynamoDbClient()) {
            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                    () -> jobApi.deleteTable(b -> b.tableName(table)));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("User: "
                    + ROLE.formatted(env.name(), env.name()) + " is not authorized to perform: dynamodb:DeleteTable"
                    + " on resource: " + tableArn + " because no identity-based policy allows the "
                    + "dynamodb:DeleteTable action");
        }
        assertThat(aws.clients().dynamoDb().describeTable(b -> b.tableName(table)).table().tableName())
                .as("still there").isEqualTo(table);
        aws.clients().dynamoDb().deleteTable(b -> b.tableName(table));
    }

    @Test
    void shouldRefuseAPutIntoTheImagesBucket_asJobApi_withS3sAccessDenied(LocalAwsEnvironment env, S3Client admin) {
        String bucket = env.resources().imagesBucket();
        try (S3Client jobApi = env.endpointsFor("job-api").newS3Client()) {
            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                    () -> jobApi.putObject(b -> b.bucket(bucket).key("images/u/x.png"), RequestBody.fromString("x")));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(refused.awsErrorDetails().errorMessage()).contains("is not authorized to perform: "
                    + "s3:PutObject on resource: \"arn:aws:s3:::" + bucket + "/images/u/x.png\"");

            jobApi.putObject(b -> b.bucket(env.resources().drawingsBucket()).key("drawings/u/a.pdf"),
                    RequestBody.fromString("%PDF"));
        }
        admin.putObject(b -> b.bucket(bucket).key("images/u/x.png"), RequestBody.fromString("x"));
    }

    @Test
    void shouldRefuseReceivingFromTheJobsQueue_asJobApi_butLetItSend(LocalAwsEnvironment env, SqsClient admin) {
        try (SqsClient jobApi = env.endpointsFor("job-api").newSqsClient()) {
            jobApi.sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody("{}"));

            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                    () -> jobApi.receiveMessage(b -> b.queueUrl(env.jobsQueueUrl())));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(refused.awsErrorDetails().errorMessage()).contains("sqs:receivemessage on resource: "
                    + env.jobsQueueArn());
        }
        assertThat(admin.receiveMessage(b -> b.queueUrl(env.jobsQueueUrl()).waitTimeSeconds(5)).messages())
                .hasSize(1);
    }

    @Test
    void shouldRefusePublishingAlerts_toAnyoneButTheDlqHandler(LocalAwsEnvironment env) {
        try (SnsClient jobApi = env.endpointsFor("job-api").newSnsClient();
             SnsClient dlqHandler = env.endpointsFor("dlq-handler").newSnsClient()) {
            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                    () -> jobApi.publish(b -> b.topicArn(env.alertsTopicArn()).message("x")));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AuthorizationError");
            assertThat(refused.awsErrorDetails().errorMessage()).contains("SNS:Publish");
            assertThat(dlqHandler.publish(b -> b.topicArn(env.alertsTopicArn()).message("x")).messageId())
                    .isNotBlank();
        }
    }

    @Test
    void shouldJudgePresignedUrls_byTheSignersRole_andRefuseTamperedOrExpiredOnes(LocalAwsEnvironment env)
            throws Exception {
        String bucket = env.resources().drawingsBucket();
        HttpClient http = HttpClient.newHttpClient();
        try (S3Presigner jobApi = env.endpointsFor("job-api").newS3Presigner()) {
            URI allowed = jobApi.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key("drawings/u/p.pdf"))).url().toURI();
            URI outsideTheRole = jobApi.presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key("results/u/p.csv"))).url().toURI();
            URI tampered = URI.create(allowed.toString().replace("drawings/u/p.pdf", "drawings/u/q.pdf"));

            assertThat(put(http, allowed).statusCode()).isEqualTo(200);
            HttpResponse<String> denied = put(http, outsideTheRole);
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.body()).contains("<Code>AccessDenied</Code>").contains("s3:PutObject");
            HttpResponse<String> mismatch = put(http, tampered);
            assertThat(mismatch.statusCode()).isEqualTo(403);
            assertThat(mismatch.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        }
    }

    @Test
    void shouldRefuseUnsignedRequests_asEachServiceDoes(LocalAwsEnvironment env) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> s3 = http.send(HttpRequest.newBuilder(
                env.endpoints().s3().resolve("/" + env.resources().drawingsBucket() + "/drawings/a.pdf")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> dynamoDb = http.send(HttpRequest.newBuilder(env.endpoints().dynamoDb())
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(s3.statusCode()).isEqualTo(403);
        assertThat(s3.body()).contains("<Code>AccessDenied</Code>");
        assertThat(dynamoDb.statusCode()).isEqualTo(400);
        assertThat(dynamoDb.body()).contains("MissingAuthenticationTokenException");
    }

    @Test
    void shouldRefuseASignatureMadeWithTheWrongSecret(LocalAwsEnvironment env) {
        LocalAwsEndpoints wrongSecret = env.endpointsFor("job-api")
                .withCredentials(env.functionCredentials().get("job-api").accessKeyId(), "not-the-secret");
        try (DynamoDbClient client = wrongSecret.newDynamoDbClient()) {
            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                    () -> client.getItem(b -> b.tableName(env.resources().jobsTable())
                            .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                                    .fromS("x")))));

            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        }
    }

    private static HttpResponse<String> put(HttpClient http, URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofString("%PDF-1.7")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
