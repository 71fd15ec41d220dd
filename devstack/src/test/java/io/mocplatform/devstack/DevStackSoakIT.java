package io.mocplatform.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.devstack.console.Console;
import io.mocplatform.fixtures.HostilePdfs;
import io.mocplatform.fixtures.SampleDrawings;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.faults.AwsService;
import io.mocplatform.testkit.faults.FaultInjector;
import io.mocplatform.testkit.faults.FaultPlan;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system under hostile conditions, end to end through the HTTP API: 100 drawings (ordinary ones, every
 * hostile PDF of the test fixtures, an encrypted one, a corrupt one and an image posing as a PDF) submitted while
 * 10 % of the functions' calls to DynamoDB, S3, SQS and SNS are throttled, fail with a 500 or are slow, the
 * processor's execution environment is killed in the middle of a job, three jobs lost their message (written as
 * job-api writes them, never sent) and three poison messages die on the queue. Then the invariants: every accepted
 * job ends {@code completed} or {@code failed} with a typed error, none is lost, none has two different results,
 * each hostile file ends as the fixtures say, and every dead message has its failed record and exactly one alert.
 * No step is timed: each wait has a generous ceiling and ends as soon as the state is reached. The processor
 * takes about one drawing a second here, one at a time, so the hundred cost a minute or two of CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevStackSoakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** With the lost, hostile and unreadable ones: 100 drawings. */
    private static final int ORDINARY_DRAWINGS = 81;
    private static final int LOST_MESSAGES = 3;
    private static final int POISON_MESSAGES = 3;
    private static final int CLIENTS = 4;
    private static final String OWNER = "soak-user";
    /** 10 % of every service's calls from the functions, slow answers held 300 ms. */
    private static final FaultPlan TEN_PERCENT = FaultPlan.parse("dynamodb=0.1,s3=0.1,sqs=0.1,sns=0.1,slow=300");
    /** For each wait; about five times what the whole soak takes on a quiet machine. */
    private static final Duration CEILING = Duration.ofMinutes(10);

    private final Console console = DevStack.console(false);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Path dataDir;
    private Stack stack;
    private String token;

    /** What was sent, and what the fixtures say it should end as (null: any typed outcome). */
    private record Submitted(String jobId, String what, String expectedFailure, boolean mustComplete) {
    }

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("devstack-soak-");
        stack = Stack.start(StackOptions.defaults().withPort(0).withDataDir(dataDir).withFaults(TEN_PERCENT), console);
        assertThat(stack.unavailableFunctions()).as("functions that did not start").isEmpty();
        token = stack.tokens().issue(OWNER, Duration.ofHours(2), Map.of());
    }

    @AfterAll
    void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void shouldEndEveryAcceptedJobTypedAndOnce_underFaultsHostileFilesAndACrash() throws Exception {
        long begin = System.nanoTime();
        byte[] ordinary = SampleDrawings.drawing(1).pdf();
        List<Submitted> submitted = new ArrayList<>();
        // First the rows whose message was lost and the poison messages, so that the reconciler's timer and the
        // poison's receives run while the drawings below are submitted.
        writeJobsWhoseMessageWasLost(ordinary).forEach(id -> submitted.add(new Submitted(id, "message lost", null,
                true)));
        List<String> poison = sendPoisonMessages();
        String bombPeakHeap = submitTheRenderBombAlone(submitted);
        for (HostilePdfs.HostilePdf hostile : HostilePdfs.all()) {
            if (!Arrays.equals(hostile.pdf(), HostilePdfs.hugeMediaBox())) {
                submitted.add(submit(hostile.name(), hostile.pdf(), hostile.expectedFailure(),
                        hostile.expectedFailure() == null));
            }
        }
        submitted.add(submit("encrypted", SampleDrawings.encrypted(), null, false));
        submitted.add(submit("corrupt", SampleDrawings.corrupt(), null, false));
        submitted.add(submit("an image named .pdf", SampleDrawings.notAPdf(), null, false));
        // The ordinary drawings come from several clients at once, as users would send them.
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Submitted>> ordinaryJobs = new ArrayList<>();
            for (int i = 0; i < ORDINARY_DRAWINGS; i++) {
                String what = "ordinary drawing " + i;
                ordinaryJobs.add(clients.submit(() -> submit(what, ordinary, null, true)));
            }
            // Kill the processor's environment while it works on a job, as an out-of-memory kill or kill -9 would:
            // the batch is neither finished nor deleted, so its message comes back after the visibility timeout
            // and the next (cold) environment takes the job over.
            await("the processor is working on a job").atMost(CEILING).pollInterval(Duration.ofMillis(20))
                    .until(() -> stack.crashFunction("drawing-processor"));
            for (Future<Submitted> job : ordinaryJobs) {
                submitted.add(job.get());
            }
        } finally {
            clients.shutdownNow();
        }
        long submittedAt = System.nanoTime();

        Map<String, JsonNode> lastStates = new LinkedHashMap<>();
        try {
            await("every accepted job completed or failed").atMost(CEILING).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        for (Submitted job : submitted) {
                            if (!terminal(lastStates.get(job.jobId()))) {
                                lastStates.put(job.jobId(), status(job.jobId()));
                            }
                        }
                        return lastStates.values().stream().allMatch(DevStackSoakIT::terminal);
                    });
        } catch (ConditionTimeoutException e) {
            // Each job still unfinished is named by the assertions below.
        }
        long allTerminalAt = System.nanoTime();
        if (lastStates.values().stream().allMatch(DevStackSoakIT::terminal)) {
            await("the queues are drained").atMost(CEILING).pollInterval(Duration.ofSeconds(1))
                    .until(() -> drained(stack.environment().jobsQueueUrl())
                            && drained(stack.environment().jobsDlqUrl()));
            await("an alert for each poison message").atMost(CEILING).pollInterval(Duration.ofSeconds(1))
                    .until(() -> alertsByJob().keySet().containsAll(poison));
        }

        SoftAssertions soak = new SoftAssertions();
        Map<String, Long> alerts = alertsByJob();
        Map<String, Job> rows = jobsOfTheOwner();
        for (Submitted job : submitted) {
            JsonNode state = lastStates.getOrDefault(job.jobId(), JSON.createObjectNode().put("status", "never read"));
            String status = state.path("status").asText();
            String label = job.what() + " " + job.jobId() + ": " + state;
            soak.assertThat(status).as(label).isIn("completed", "failed");
            if (status.equals("failed")) {
                soak.assertThat(state.path("error").path("type").asText()).as(label).isNotBlank()
                        .doesNotContain(".").doesNotContain("Exception");
                soak.assertThat(state.path("error").path("message").asText()).as(label).isNotBlank()
                        .doesNotContain("Exception", "java.", "org.apache", "io.mocplatform");
                if (state.path("error").path("type").asText().equals("dead_lettered")) {
                    soak.assertThat(alerts.getOrDefault(job.jobId(), 0L)).as("alerts for dead " + label)
                            .isEqualTo(1);
                }
            }
            if (job.expectedFailure() != null) {
                soak.assertThat(status).as(label).isEqualTo("failed");
                soak.assertThat(state.path("error").path("type").asText()).as(label).isEqualTo(job.expectedFailure());
                Job row = rows.get(job.jobId());
                soak.assertThat(row).as("row of " + label).isNotNull();
                if (row != null && row.error() != null) {
                    soak.assertThat(row.error().retryable()).as("failed for good: " + label).isFalse();
                    // A file classified as retryable would be received maxReceiveCount (3) times; one attempt
                    // more than the first is what an injected fault that outlasts the SDK's retries may cost.
                    soak.assertThat(row.attempts()).as("attempts of " + label).isBetween(1, 2);
                }
            }
            if (job.mustComplete()) {
                soak.assertThat(status).as(label).isEqualTo("completed");
            }
            if (status.equals("completed")) {
                soak.assertThat(resultKeys(job.jobId())).as("one result, in one place: " + label)
                        .containsExactlyInAnyOrder("results/" + job.jobId() + "/schedule.json",
                                "results/" + job.jobId() + "/schedule.csv");
            }
            soak.assertThat(alerts.getOrDefault(job.jobId(), 0L)).as("alerts for " + label).isLessThanOrEqualTo(1);
        }
        for (String id : poison) {
            soak.assertThat(alerts.get(id)).as("alerts for the poison message of " + id).isEqualTo(1);
        }
        soak.assertThat(rows.keySet()).as("job rows of the user: only those accepted")
                .containsExactlyInAnyOrderElementsOf(submitted.stream().map(Submitted::jobId).toList());
        soak.assertThat(rows.values().stream().filter(row -> row.status() != JobStatus.COMPLETED
                        && row.status() != JobStatus.FAILED).map(row -> row.jobId() + " " + row.status()).toList())
                .as("job rows left unfinished").isEmpty();
        FaultInjector faults = stack.faults().orElseThrow();
        console.info("soak: " + submitted.size() + " jobs (" + lastStates.values().stream()
                .collect(Collectors.groupingBy(s -> s.path("status").asText(), Collectors.counting())) + "), "
                + POISON_MESSAGES + " poison messages, " + alerts.values().stream().mapToLong(Long::longValue).sum()
                + " alerts, 1 processor crash; all submitted in " + seconds(submittedAt - begin)
                + ", all terminal " + seconds(allTerminalAt - submittedAt) + " later; faults injected: "
                + faults.summary() + "; " + bombPeakHeap);
        // SNS sees only the few alerts' publishes, too few to be sure of a fault at 10 %; the others see hundreds.
        for (var service : List.of(AwsService.DYNAMODB, AwsService.S3, AwsService.SQS)) {
            soak.assertThat(faults.injected(service)).as("faults injected into " + service.key()).isPositive();
        }
        soak.assertAll();
    }

    /**
     * The render bomb on its own, waited for, with the peak heap of this JVM meanwhile (emulators, functions and
     * the test share it, so this is an upper bound of what the bomb costs); reported, not asserted.
     */
    private String submitTheRenderBombAlone(List<Submitted> submitted) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Submitted bomb = submit("MediaBox of 22000 pt square (render bomb)", HostilePdfs.hugeMediaBox(), null, true);
        submitted.add(bomb);
        await("the render bomb completed or failed").atMost(CEILING).pollInterval(Duration.ofMillis(200))
                .until(() -> terminal(status(bomb.jobId())));
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return "peak heap of the whole JVM while the render bomb ran: " + peak / (1024 * 1024) + " MB";
    }

    private static boolean terminal(JsonNode state) {
        return state != null && List.of("completed", "failed").contains(state.path("status").asText());
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** POST /drawings, the upload, POST /process-drawing; each retried as a client would, on 429 and 5xx. */
    private Submitted submit(String what, byte[] pdf, String expectedFailure, boolean mustComplete) {
        JsonNode drawing = retried("POST /drawings", 201, () -> post("/drawings", Map.of("filename", "soak.pdf",
                "content_type", "application/pdf", "size_bytes", pdf.length), UUID.randomUUID().toString()));
        JsonNode upload = drawing.path("upload");
        retried("upload of " + what, 200, () -> put(upload, pdf));
        // One idempotency key for every try: a retry after a lost answer gets the same job, not a second one.
        String key = UUID.randomUUID().toString();
        JsonNode job = retried("POST /process-drawing", 202, () -> post("/process-drawing",
                Map.of("drawing_id", drawing.path("drawing_id").asText()), key));
        return new Submitted(job.path("job_id").asText(), what, expectedFailure, mustComplete);
    }

    /** Rows as job-api writes them before sending the message; the message never reaches the queue. */
    private List<String> writeJobsWhoseMessageWasLost(byte[] pdf) {
        LocalAwsEnvironment env = stack.environment();
        var clients = stack.aws().clients();
        DynamoDbTable<Job> jobs = clients.dynamoDbEnhanced().table(env.resources().jobsTable(), JobTable.SCHEMA);
        IdGenerator ids = new IdGenerator(Clock.systemUTC());
        List<String> written = new ArrayList<>();
        for (int i = 0; i < LOST_MESSAGES; i++) {
            String jobId = ids.newJobId();
            String drawingId = "drw_lost" + i;
            String key = "drawings/" + OWNER + "/" + drawingId + ".pdf";
            clients.s3().putObject(b -> b.bucket(env.resources().drawingsBucket()).key(key),
                    RequestBody.fromBytes(pdf));
            Instant then = Instant.now().minus(Duration.ofHours(1));
            jobs.putItem(Job.queued(jobId, OWNER, drawingId, key, then, "corr-lost-" + i, null, null));
            written.add(jobId);
        }
        return written;
    }

    /** Bodies no processor can read, naming (in their attributes) job ids the table does not know. */
    private List<String> sendPoisonMessages() {
        IdGenerator ids = new IdGenerator(Clock.systemUTC());
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < POISON_MESSAGES; i++) {
            String jobId = ids.newJobId();
            stack.aws().clients().sqs().sendMessage(b -> b.queueUrl(stack.environment().jobsQueueUrl())
                    .messageBody("this is not a job message " + jobId)
                    .messageAttributes(Map.of("job_id", MessageAttributeValue.builder().dataType("String")
                            .stringValue(jobId).build())));
            jobIds.add(jobId);
        }
        return jobIds;
    }

    private JsonNode retried(String what, int expected, java.util.concurrent.Callable<HttpResponse<String>> call) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await(what).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = call.call();
            last.set(response);
            int status = response.statusCode();
            assertThat(status == expected || status == 429 || status >= 500)
                    .as(what + " answered " + status + ": " + response.body()).isTrue();
            return status == expected;
        });
        String body = last.get().body();
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode status(String jobId) throws Exception {
        HttpResponse<String> response = http.send(authorized("/status/" + jobId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return JSON.createObjectNode().put("status", "unreadable " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, Map<String, ?> body, String idempotencyKey) throws Exception {
        return http.send(authorized(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(JsonNode upload, byte[] bytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.path("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length") && !header.getKey().equalsIgnoreCase("host")) {
                request.header(header.getKey(), header.getValue().asText());
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(stack.apiBaseUrl().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private boolean drained(String queueUrl) {
        return stack.aws().clients().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().allMatch("0"::equals);
    }

    private List<String> resultKeys(String jobId) {
        return stack.aws().clients().s3().listObjectsV2(b -> b.bucket(stack.environment().resources()
                .drawingsBucket()).prefix("results/" + jobId + "/")).contents().stream().map(S3Object::key).toList();
    }

    /** Alerts on the topic per job id (the {@code job_id} attribute every dead-letter alert carries). */
    private Map<String, Long> alertsByJob() throws IOException {
        Path file = stack.alertFile();
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String jobId = JSON.readTree(line).path("attributes").path("job_id").asText("");
            if (!jobId.isEmpty()) {
                counts.merge(jobId, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Every job row of the soak's user, read as the administrator (no faults), by job id. */
    private Map<String, Job> jobsOfTheOwner() {
        DynamoDbTable<Job> jobs = stack.aws().clients().dynamoDbEnhanced()
                .table(stack.environment().resources().jobsTable(), JobTable.SCHEMA);
        Map<String, Job> rows = new LinkedHashMap<>();
        // The table also holds job-api's idempotency claims, which are no jobs: only the user's rows are read.
        Expression ofTheOwner = Expression.builder().expression("#owner = :owner")
                .expressionNames(Map.of("#owner", JobTable.OWNER))
                .expressionValues(Map.of(":owner", AttributeValue.fromS(OWNER))).build();
        jobs.scan(r -> r.filterExpression(ofTheOwner).consistentRead(true)).items()
                .forEach(job -> rows.put(job.jobId(), job));
        return rows;
    }
}
