package io.mocplatform.testkit;

import io.mocplatform.model.PlatformNames;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.jobstore.dynamodb.TableDefinition;
import io.mocplatform.testkit.edge.AwsService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithLocalAws
class ResourceProvisioningIT {

    @Test
    void shouldCreateEveryResourceFromSharedDefinitions(LocalAws aws, LocalAwsEnvironment env) {
        ResourceContract.assertProvisioned(aws.clients(), env, aws.config().queueVisibilityTimeout());
    }

    @Test
    void shouldProvisionAgainWithoutError_whenResourcesAlreadyExist(LocalAws aws, LocalAwsEnvironment env) {
        LocalAwsEnvironment again = aws.newEnvironment(env.name());

        assertThat(again).isEqualTo(env);
    }

    /**
     * On a DynamoDB Local of its own: DynamoDB Local builds a new index in a background job, in a pool of ten
     * threads that one instance shares among the jobs of all its tables (TTL sweeps among them). On the instance this
     * suite shares, which holds many environments' tables, the build was seen to wait there for more than a minute;
     * a devstack's instance holds a dozen tables.
     */
    @Test
    void shouldAddTheIndexesAnExistingTableLacks_asTerraformWould() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start(0, null);
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint())
                     .region(Region.EU_WEST_2)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            addTheIndexesAnExistingTableLacks(client);
        }
    }

    private static void addTheIndexesAnExistingTableLacks(DynamoDbClient client) {
        String name = "Jobs-upgrade-" + Long.toHexString(System.nanoTime());
        // The Jobs table as an older data directory has it: the owner index only.
        TableDefinition.builder(name).hashKey(JobTable.JOB_ID)
                .globalIndex(PlatformNames.JOBS_BY_OWNER_INDEX, JobTable.OWNER, JobTable.CREATED_AT).build()
                .createIfAbsent(client);

        boolean created = JobTable.definition(name).createIfAbsent(client);

        assertThat(created).isFalse();
        assertThat(client.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes())
                .extracting(i -> i.indexName())
                .containsExactlyInAnyOrder(PlatformNames.JOBS_BY_OWNER_INDEX, PlatformNames.JOBS_BY_STATUS_INDEX);
    }

    @Test
    void shouldKeepEnvironmentsApart_whenTwoAreProvisioned(LocalAws aws) {
        LocalAwsEnvironment first = aws.newIsolatedEnvironment();
        LocalAwsEnvironment second = aws.newIsolatedEnvironment();
        aws.clients().dynamoDb().putItem(b -> b.tableName(first.resources().jobsTable())
                .item(Map.of("job_id", AttributeValue.fromS("job_1_only_in_first"))));
        aws.clients().sqs().sendMessage(b -> b.queueUrl(first.jobsQueueUrl()).messageBody("only in first"));

        assertThat(second.name()).isNotEqualTo(first.name());
        assertThat(aws.clients().dynamoDb().scan(b -> b.tableName(second.resources().jobsTable())).items()).isEmpty();
        assertThat(aws.clients().sqs().receiveMessage(b -> b.queueUrl(second.jobsQueueUrl())).messages()).isEmpty();
    }

    @Test
    void shouldDescribeEnvironmentAsTerraformDoes(LocalAws aws, LocalAwsEnvironment env) {
        Map<String, String> variables = env.environmentVariables();

        assertThat(variables).containsEntry(PlatformNames.APP_ENV, env.name())
                .containsEntry(PlatformNames.JOBS_TABLE, "Jobs-" + env.name())
                .containsEntry(PlatformNames.IMAGES_TABLE, "ImageMetadata-" + env.name())
                .containsEntry(PlatformNames.IMAGES_BUCKET, "images-lego-moc-" + env.name())
                .containsEntry(PlatformNames.DRAWINGS_BUCKET, "drawings-lego-moc-" + env.name())
                .containsEntry(PlatformNames.JOBS_QUEUE_URL, env.jobsQueueUrl())
                .containsEntry(PlatformNames.JOBS_QUEUE_ARN, env.jobsQueueArn())
                .containsEntry(PlatformNames.JOBS_DLQ_ARN, env.jobsDlqArn())
                .containsEntry(PlatformNames.ALERTS_TOPIC_ARN, env.alertsTopicArn())
                .containsEntry(PlatformNames.CDN_BASE_URL, aws.edge().emulator(AwsService.S3) + "/images-lego-moc-"
                        + env.name())
                .containsEntry(PlatformNames.ANALYZER, "offline")
                .containsEntry(PlatformNames.CURSOR_KEY_PARAMETER, "/moc-platform/" + env.name() + "/cursor-signing-key")
                .containsEntry(PlatformNames.STALE_JOB_AFTER, "PT1M");
        PlatformNames.FUNCTION_ENVIRONMENT.forEach((function, names) -> assertThat(
                env.environmentVariablesFor(function).keySet())
                .as(function).isSubsetOf(names)
                .containsAll(names.stream().filter(n -> !n.startsWith("GEMINI_")).toList()));
    }

    @Test
    void shouldPointMicronautClientsAtTheEmulators(LocalAwsEndpoints endpoints) {
        assertThat(endpoints.micronautProperties())
                .containsEntry("aws.services.dynamodb.endpoint-override", endpoints.dynamoDb().toString())
                .containsEntry("aws.services.sqs.endpoint-override", endpoints.sqs().toString())
                .containsEntry("aws.services.s3.endpoint-override", endpoints.s3().toString())
                .containsEntry("aws.services.sns.endpoint-override", endpoints.sns().toString())
                .containsEntry("aws.s3.path-style-access-enabled", true)
                .containsEntry("aws.region", "eu-west-2")
                .containsEntry("aws.access-key-id", "test")
                .containsEntry("aws.secret-key", "test");
    }
}
