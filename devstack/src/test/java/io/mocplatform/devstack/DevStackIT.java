package io.mocplatform.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.devstack.console.Console;
import io.mocplatform.devstack.demo.DemoDrawing;
import io.mocplatform.devstack.demo.DemoScenario;
import io.mocplatform.devstack.lambda.InvocationResult;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.testkit.LocalAwsEndpoints;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.iam.ExercisedGrants;
import io.mocplatform.testkit.iam.PermissionsContract;
import io.mocplatform.testkit.iam.UnusedGrantsAllowlist;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole system in this JVM, from the functions' real Lambda zips: the demo scenario, then a restart on the
 * same data directory, where a job whose message was lost is recovered by the reconciler. The two share one data
 * directory on purpose: the restart must find what the demo made, and starting the stack is the expensive part on a
 * small machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final Console console = DevStack.console(false);
    private DemoScenario.Report demo;
    private String tokenFromFirstRun;

    DevStackIT() throws IOException {
        dataDir = Files.createTempDirectory("devstack-it-");
    }

    @AfterAll
    void deleteDataDir() throws IOException {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void shouldPassEveryStepOfTheDemo_onAFreshStack() throws IOException {
        try (Stack stack = Stack.start(options(), console)) {
            assertThat(stack.unavailableFunctions()).as("functions that did not start").isEmpty();
            JsonNode endpoints = JSON.readTree(dataDir.resolve(Stack.ENDPOINTS_FILE).toFile());
            assertThat(endpoints.path("api").asText()).isEqualTo(stack.apiBaseUrl().toString());
            for (String field : new String[] {"dynamodb", "sqs", "s3", "sns", "region", "alerts_topic"}) {
                assertThat(endpoints.path(field).asText()).as(field).isNotBlank();
            }
            assertThat(endpoints.path("queues").path("jobs_dlq").asText()).contains("drawing-jobs-dlq-");
            tokenFromFirstRun = stack.tokens().issue("alice", Duration.ofHours(1), Map.of());

            demo = stack.demoScenario(console::info).run();
            functionCredentialsShouldActAsTheRoleDoes(stack, endpoints);
        }

        SoftAssertions steps = new SoftAssertions();
        demo.steps().forEach(step -> steps.assertThat(step.outcome()).as(step.line())
                .isEqualTo(DemoScenario.Step.Outcome.PASSED));
        steps.assertAll();
        assertThat(Files.readAllLines(dataDir.resolve("sns-messages.jsonl"))).isNotEmpty();
    }

    @Test
    @Order(2)
    void shouldFindTheDemosJobAndImageAgain_afterARestartOnTheSameDataDir() throws Exception {
        assertThat(demo).as("the demo ran first").isNotNull();
        String imageId = demo.ids().get("image_id");
        String jobId = demo.ids().get("job_id");
        assertThat(imageId).as("image created by the demo").isNotNull();
        assertThat(jobId).as("job created by the demo").isNotNull();

        try (Stack stack = Stack.start(options(), console)) {
            String demoUser = stack.tokens().issue("demo-user", Duration.ofHours(1), Map.of());
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> image = get(http, stack.apiBaseUrl(), "/images/" + imageId, demoUser);
            HttpResponse<String> job = get(http, stack.apiBaseUrl(), "/status/" + jobId, demoUser);
            HttpResponse<String> jobs = get(http, stack.apiBaseUrl(), "/jobs", demoUser);
            HttpResponse<String> oldToken = get(http, stack.apiBaseUrl(), "/jobs", tokenFromFirstRun);

            assertThat(image.statusCode()).as(image.body()).isEqualTo(200);
            assertThat(JSON.readTree(image.body()).path("status").asText()).isEqualTo("active");
            assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
            assertThat(JSON.readTree(job.body()).path("status").asText()).isEqualTo("completed");
            assertThat(jobs.body()).contains(jobId);
            assertThat(oldToken.statusCode()).as("a token signed before the restart").isEqualTo(200);

            reconcilerShouldRecoverAJobWhoseMessageWasLost_andDuplicatesShouldChangeNothing(stack);
        }
    }

    /**
     * With job-api's key from endpoints.json, what its role does not grant is refused with each service's own
     * error; the same calls with the administrator's {@code test}/{@code test} work.
     */
    private static void functionCredentialsShouldActAsTheRoleDoes(Stack stack, JsonNode endpoints) {
        JsonNode jobApiKeys = endpoints.path("credentials").path("job-api");
        assertThat(endpoints.path("credentials").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("job-api", "image-api", "drawing-processor", "dlq-handler",
                        "job-reconciler");
        LocalAwsEndpoints admin = stack.environment().endpoints();
        LocalAwsEndpoints jobApi = admin.withCredentials(jobApiKeys.path("access_key_id").asText(),
                jobApiKeys.path("secret_access_key").asText());
        String table = endpoints.path("tables").path("jobs").asText();
        String imagesBucket = endpoints.path("buckets").path("images").asText();
        String jobsQueue = endpoints.path("queues").path("jobs").asText();

        try (DynamoDbClient dynamoDb = jobApi.newDynamoDbClient(); S3Client s3 = jobApi.newS3Client();
             SqsClient sqs = jobApi.newSqsClient()) {
            assertThat(catchThrowableOfType(AwsServiceException.class, () -> dynamoDb.deleteTable(b -> b.tableName(table)))
                    .awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(catchThrowableOfType(AwsServiceException.class, () -> s3.putObject(b -> b.bucket(imagesBucket)
                    .key("images/demo-user/planted.png"), RequestBody.fromString("x"))).awsErrorDetails().errorCode())
                    .isEqualTo("AccessDenied");
            assertThat(catchThrowableOfType(AwsServiceException.class, () -> sqs.receiveMessage(b -> b
                    .queueUrl(jobsQueue))).awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
        try (DynamoDbClient dynamoDb = admin.newDynamoDbClient(); S3Client s3 = admin.newS3Client();
             SqsClient sqs = admin.newSqsClient()) {
            s3.putObject(b -> b.bucket(imagesBucket).key("images/demo-user/planted.png"), RequestBody.fromString("x"));
            sqs.receiveMessage(b -> b.queueUrl(jobsQueue).visibilityTimeout(0));
            assertThat(dynamoDb.describeTable(b -> b.tableName(table)).table().tableName()).isEqualTo(table);
        }
    }

    /**
     * A job row written without its message (as when job-api dies between the two) is found by the reconciler and
     * processed to {@code completed}; two more copies of its message change nothing. On the restarted stack, so the
     * test costs no third start.
     */
    private void reconcilerShouldRecoverAJobWhoseMessageWasLost_andDuplicatesShouldChangeNothing(Stack stack)
            throws Exception {
        LocalAwsEnvironment env = stack.environment();
        var clients = stack.aws().clients();
        String jobId = new IdGenerator(Clock.systemUTC()).newJobId();
        String drawingKey = "drawings/reconciled-user/drw_lostmessage.pdf";
        clients.s3().putObject(b -> b.bucket(env.resources().drawingsBucket()).key(drawingKey),
                RequestBody.fromBytes(DemoDrawing.sample().pdf()));
        // The row job-api writes before sending; the message never reached the queue (job-api died, or the
        // queue lost it). Old enough for the reconciler.
        Instant then = Instant.now().minus(Stack.staleJobAfter(options()).multipliedBy(2));
        DynamoDbTable<Job> jobs = clients.dynamoDbEnhanced().table(env.resources().jobsTable(), JobTable.SCHEMA);
        jobs.putItem(Job.queued(jobId, "reconciled-user", "drw_lostmessage", drawingKey, then, "corr-lost",
                null, null));

        InvocationResult run = stack.runScheduled("job-reconciler");

        assertThat(run.status()).as(run.error()).isEqualTo(InvocationResult.Status.OK);
        // This run or the timer's (every 10 s here) sends the message; nothing else could, so completion proves it.
        JsonNode summary = JSON.readTree(run.payload());
        assertThat(summary.path("requeued").isArray()).as(summary.toString()).isTrue();
        Job completed = await().atMost(Duration.ofSeconds(90)).until(() -> read(jobs, jobId),
                job -> job.status() == JobStatus.COMPLETED);

        // Two more copies of its message: the processor reads the row, finds the job finished and skips it.
        String body = JSON.writeValueAsString(Map.of("schema", 1, "job_id", jobId, "drawing_key", drawingKey,
                "owner", "reconciled-user", "correlation_id", "corr-lost", "requested_at", then.toString()));
        for (int copy = 0; copy < 2; copy++) {
            clients.sqs().sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody(body));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> queueIsDrained(clients.sqs(), env.jobsQueueUrl()));
        assertThat(read(jobs, jobId).version()).as("no write after completion").isEqualTo(completed.version());
        assertThat(clients.s3().listObjectsV2(b -> b.bucket(env.resources().drawingsBucket())
                .prefix("results/" + jobId + "/")).contents()).extracting(o -> o.key())
                .containsExactlyInAnyOrder("results/" + jobId + "/schedule.json",
                        "results/" + jobId + "/schedule.csv");
    }

    private static Job read(DynamoDbTable<Job> jobs, String jobId) {
        return jobs.getItem(r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true));
    }

    private static boolean queueIsDrained(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    @Test
    @Order(3)
    void shouldHaveExercisedEveryGrantOfTheContract_inTheDemoOrSomeModulesIntegrationTests() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();   // failsafe runs in the module directory
        PermissionsContract contract = PermissionsContract.embedded();
        // Only what the functions' own code did counts: their modules' ITs and this module's stacks (closed by now,
        // so they have written theirs); test-kit's tests, which sign as a function on purpose, do not.
        List<Path> records = new java.util.ArrayList<>();
        for (String module : contract.functions()) {
            records.add(root.resolve(module).resolve("target").resolve("exercised-grants"));
        }
        records.add(root.resolve("devstack").resolve("target").resolve("exercised-grants"));
        Set<PermissionsContract.Grant> exercised = ExercisedGrants.readAll(records);

        Set<PermissionsContract.Grant> unused = ExercisedGrants.unused(contract, exercised,
                UnusedGrantsAllowlist.read(root.resolve("contract").resolve(UnusedGrantsAllowlist.FILE)));

        assertThat(unused).as("grants of contract/platform-contract.json that no test and not the demo used "
                + "(read from %s); remove them from the contract, exercise them in a test, or list them with the "
                + "reason in contract/%s", records, UnusedGrantsAllowlist.FILE).isEmpty();
    }

    private StackOptions options() {
        return StackOptions.defaults().withPort(0).withDataDir(dataDir);
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(35)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
