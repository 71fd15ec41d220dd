package io.mocplatform.jobapi.api;

import io.mocplatform.testkit.api.ApiGatewayEvents;
import io.mocplatform.testkit.api.OpenApiContract;
import io.micronaut.context.ApplicationContext;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.testkit.AwsClients;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import io.mocplatform.function.aws.TracingClientCustomizer;
import io.mocplatform.function.snapstart.PrimingReport;
import io.mocplatform.function.snapstart.PrimingResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Lambda handler driven with API Gateway v2 events against DynamoDB Local, ElasticMQ and s3proxy. Every
 * answer is also checked against the OpenAPI document.
 */
@WithLocalAws
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OpenApiContract CONTRACT = new OpenApiContract("openapi/job-api.yaml");
    /** What a status read does not need, so a cold start leaves it to the first upload or submission. */
    private static final List<Class<?>> CREATED_AT_FIRST_USE = List.of(S3Client.class, S3Presigner.class,
            SqsClient.class);
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    private static LocalAwsEnvironment env;
    private static AwsClients aws;
    private static ApplicationContext context;
    private static JobApiHandler handler;
    private static ApiGatewayEvents api;
    private static DynamoDbTable<Job> jobsTable;
    private static final Map<String, List<Message>> messagesByJob = new ConcurrentHashMap<>();

    @BeforeAll
    static void start(LocalAwsEnvironment environment, AwsClients clients) {
        env = environment;
        aws = clients;
        // Jobs submitted one after another get distinct creation times, so listings have one right order.
        context = JobApiContexts.start(env, env.jobsQueueUrl(), Map.of("test.ticking-clock", true));
        handler = new JobApiHandler(context);
        api = new ApiGatewayEvents(handler, "job-api");
        jobsTable = aws.dynamoDbEnhanced().table(env.resources().jobsTable(), JobTable.SCHEMA);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    // ---- SnapStart priming ----

    @Test
    void shouldPrimeThroughTheRealReadPath_withoutWritingAnything() throws Exception {
        int before = aws.dynamoDb().scan(r -> r.tableName(env.resources().jobsTable())).count();

        context.getBean(io.mocplatform.api.RoutePrimer.class).prime();

        assertThat(aws.dynamoDb().scan(r -> r.tableName(env.resources().jobsTable())).count()).isEqualTo(before);
        assertThat(context.getBean(io.mocplatform.function.lambda.CurrentLambdaContext.class).get()).isPresent();
    }

    /**
     * On a fresh context as Lambda starts it, not the class's shared one: there an upload or a submission that ran
     * first would already have created the presigner and the SQS client, whether priming did or not.
     */
    @Test
    void shouldCreateEverySingletonThenReadThroughTheRoute_whenTheCheckpointHookRuns() {
        try (JobApiHandler coldStart = new JobApiHandler(JobApiContexts.startAsLambda(env))) {
            ApplicationContext fresh = coldStart.getApplicationContext();
            PrimingResource priming = fresh.getBean(PrimingResource.class);
            TracingClientCustomizer tracing = fresh.getBean(TracingClientCustomizer.class);
            assertThat(created(fresh, CREATED_AT_FIRST_USE)).as("before the checkpoint").isEmpty();
            assertThat(tracing.xrayInterceptorCreated()).as("X-Ray's interceptor before the checkpoint").isFalse();

            priming.beforeCheckpoint(null);

            assertThat(priming.lastReport().steps()).extracting(PrimingReport.Step::primer)
                    .containsExactly("SingletonsPrimer", "RoutePrimer");
            assertThat(priming.lastReport().failures()).isZero();
            assertThat(created(fresh, CREATED_AT_FIRST_USE)).as("after the checkpoint")
                    .containsExactlyElementsOf(CREATED_AT_FIRST_USE);
            assertThat(tracing.xrayInterceptorCreated()).as("the route primer's read is a traced AWS call").isTrue();
        }
    }

    /** Those of {@code types} the context has created a singleton of. */
    private static List<Class<?>> created(ApplicationContext context, List<Class<?>> types) {
        return types.stream().filter(type -> !context.getActiveBeanRegistrations(type).isEmpty()).toList();
    }

    // ---- POST /drawings ----

    @Test
    void shouldReturn201WithAPresignedUpload_thatAcceptsExactlyTheDeclaredPdf() throws Exception {
        var response = call(api.as(user()).post("/drawings",
                "{\"filename\":\"plan.pdf\",\"content_type\":\"application/pdf\",\"size_bytes\":" + PDF.length + "}"));

        assertThat(response.status()).isEqualTo(201);
        Map<String, Object> body = response.json();
        assertThat((String) body.get("drawing_id")).matches("drw_[a-z2-7]{20}");
        @SuppressWarnings("unchecked") Map<String, Object> upload = (Map<String, Object>) body.get("upload");
        assertThat(upload).containsEntry("method", "PUT");
        assertThat(Instant.parse((String) upload.get("expires_at")))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        @SuppressWarnings("unchecked") Map<String, String> headers = (Map<String, String>) upload.get("headers");
        assertThat(headers).containsEntry("content-type", "application/pdf")
                .containsEntry("content-length", Integer.toString(PDF.length));

        assertThat(put(upload, new byte[PDF.length + 10]).statusCode()).as("another size").isEqualTo(403);
        assertThat(put(upload, PDF).statusCode()).isEqualTo(200);
        assertThat(aws.s3().headObject(r -> r.bucket(env.resources().drawingsBucket())
                .key(((String) upload.get("url")).replaceFirst(".*/" + env.resources().drawingsBucket() + "/", "")
                        .replaceFirst("\\?.*", ""))).contentLength()).isEqualTo(PDF.length);
    }

    @Test
    void shouldReturn400_whenTheDeclaredTypeIsNotPdf() {
        var response = call(api.as(user()).post("/drawings",
                "{\"filename\":\"plan.png\",\"content_type\":\"image/png\",\"size_bytes\":10}"));
        assertProblem(response, 400, "unsupported_drawing_type");
    }

    @Test
    void shouldReturn413_whenTheDeclaredSizeIsOverTheLimit() {
        var response = call(api.as(user()).post("/drawings",
                "{\"filename\":\"plan.pdf\",\"content_type\":\"application/pdf\",\"size_bytes\":52428801}"));
        assertProblem(response, 413, "drawing_too_large");
    }

    @Test
    void shouldReturn400NamingTheFields_whenFieldsAreUnknownMissingOrMistyped() {
        assertProblem(call(api.as(user()).post("/drawings",
                "{\"filename\":\"a.pdf\",\"content_type\":\"application/pdf\",\"size_bytes\":1,\"acl\":\"public\"}")),
                400, "unknown_field");
        var mistyped = call(api.as(user()).post("/drawings",
                "{\"filename\":\"a.pdf\",\"content_type\":\"application/pdf\",\"size_bytes\":\"big\"}"));
        assertProblem(mistyped, 400, "wrong_type");
        assertThat(mistyped.field("detail")).contains("size_bytes");
        assertProblem(call(api.as(user()).post("/drawings", "{\"content_type\":\"application/pdf\",\"size_bytes\":1}")),
                400, "invalid_request");
    }

    @Test
    void shouldReturn400_whenTheJsonIsMalformedOrMissing() {
        assertProblem(call(api.as(user()).post("/process-drawing", "{\"drawing_id\": ")), 400, "malformed_json");
        assertProblem(call(api.as(user()).post("/process-drawing", "[1, 2]")), 400, "malformed_json");
        assertProblem(call(api.as(user()).post("/process-drawing", "   ")), 400, "missing_body");
        // An empty body is refused by Micronaut's binding before the controller, still as a 400 problem.
        assertProblem(call(api.as(user()).header("content-type", "application/json").post("/process-drawing", null)),
                400, "invalid_request");
    }

    @Test
    void shouldRefuseEachLaxBodyWithItsOwnProblem_andCreateNothing() {
        String valid = "{\"filename\":\"a.pdf\",\"content_type\":\"application/pdf\",\"size_bytes\":100}";
        int before = aws.dynamoDb().scan(r -> r.tableName(env.resources().jobsTable())).count();

        assertProblem(call(api.as(user()).post("/drawings", valid + " garbage")), 400, "trailing_data");
        assertProblem(call(api.as(user()).post("/drawings", valid + valid)), 400, "trailing_data");
        assertProblem(call(api.as(user()).withoutContentType().post("/drawings", valid)), 415,
                "unsupported_media_type");
        for (String size : List.of("\"100\"", "1.5", "1e2")) {
            var coerced = call(api.as(user()).post("/drawings", valid.replace("100", size)));
            assertProblem(coerced, 400, "wrong_type");
            assertThat(coerced.field("detail")).as(size).startsWith("size_bytes must be a JSON whole number");
        }
        for (String extra : List.of("\"owner\":\"bob\"", "\"status\":\"active\"")) {
            var unknown = call(api.as(user()).post("/drawings", valid.replace("{", "{" + extra + ",")));
            assertProblem(unknown, 400, "unknown_field");
        }
        assertProblem(call(api.as(user()).post("/process-drawing", "{\"drawing_id\":\"a\",\"drawing_id\":\"b\"}")),
                400, "duplicate_field");

        assertThat(aws.dynamoDb().scan(r -> r.tableName(env.resources().jobsTable())).count()).isEqualTo(before);
    }

    @Test
    void shouldNameNoJavaClassOrPackage_whenSizeBytesIsBeyondALong() {
        var response = call(api.as(user()).post("/drawings",
                "{\"filename\":\"a.pdf\",\"content_type\":\"application/pdf\",\"size_bytes\":9223372036854775808}"));

        assertProblem(response, 400, "wrong_type");
        assertThat(response.body()).doesNotContain("io.mocplatform", "java.", "Exception");
    }

    @Test
    void shouldRefuseEmptyRepeatedAndUnknownQueryParameters() {
        String owner = user();
        assertProblem(call(api.as(owner).get("/jobs?limit=")), 400, "empty_parameter");
        assertProblem(call(api.as(owner).get("/jobs?status=")), 400, "empty_parameter");
        assertProblem(call(api.as(owner).get("/jobs?cursor=")), 400, "empty_parameter");
        assertProblem(call(api.as(owner).get("/jobs?limit=1&limit=2")), 400, "repeated_parameter");
        assertProblem(call(api.as(owner).get("/jobs?owner=bob")), 400, "unknown_parameter");
        assertThat(call(api.as(owner).get("/jobs?limit=2")).status()).isEqualTo(200);
    }

    @Test
    void shouldReturn415_whenTheBodyIsNotJson() {
        var response = call(api.as(user()).header("content-type", "text/plain").post("/process-drawing", "drw_x"));
        assertProblem(response, 415, "unsupported_media_type");
    }

    @Test
    void shouldReturn413_whenTheBodyIsOverTheLimit() {
        String padding = "x".repeat(20_000);
        var response = call(api.as(user()).post("/process-drawing", "{\"drawing_id\":\"" + padding + "\"}"));
        assertProblem(response, 413, "body_too_large");
    }

    @Test
    void shouldReturn401_whenTheRequestCarriesNoClaims() {
        assertProblem(call(api.as(null).get("/jobs")), 401, "unauthorized");
        assertProblem(call(api.as(null).post("/process-drawing", "{\"drawing_id\":\"drw_aaaaaaaaaaaaaaaaaaaa\"}")),
                401, "unauthorized");
        assertProblem(call(api.as(null).post("/drawings", "{\"filename\":\"plan.pdf\","
                + "\"content_type\":\"application/pdf\",\"size_bytes\":1}")), 401, "unauthorized");
        String jobId = "job_1795000000000_abcdefgh23";
        assertProblem(call(api.as(null).get("/status/" + jobId)), 401, "unauthorized");
        assertProblem(call(api.as(null).delete("/jobs/" + jobId)), 401, "unauthorized");
        assertProblem(call(api.as(null).post("/jobs/" + jobId + "/retry", null)), 401, "unauthorized");
    }

    // ---- POST /process-drawing ----

    @Test
    void shouldReturn202AndQueueTheExactMessage_whenTheDrawingWasUploaded() throws Exception {
        String owner = user();
        String drawingId = uploadDrawing(owner);
        String traceHeader = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1";
        System.setProperty("com.amazonaws.xray.traceHeader", traceHeader);
        ApiGatewayEvents.Response response;
        try {
            response = call(api.as(owner).header("X-Correlation-Id", "corr-queued-1")
                    .post("/process-drawing", "{\"drawing_id\":\"" + drawingId + "\"}"));
        } finally {
            System.clearProperty("com.amazonaws.xray.traceHeader");
        }

        assertThat(response.status()).isEqualTo(202);
        String jobId = response.field("job_id");
        assertThat(jobId).matches("job_\\d{13}_[a-z2-7]{10}");
        assertThat(response.json()).isEqualTo(Map.of("job_id", jobId, "status", "queued"));
        assertThat(response.header("Location")).isEqualTo("/status/" + jobId);
        assertThat(response.header("X-Correlation-Id")).isEqualTo("corr-queued-1");

        Job stored = jobsTable.getItem(r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true));
        assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(stored.owner()).isEqualTo(owner);
        assertThat(stored.drawingKey()).isEqualTo("drawings/" + owner + "/" + drawingId + ".pdf");
        assertThat(stored.ttl()).isEqualTo(stored.createdAt().plus(Job.RETENTION).getEpochSecond());

        List<Message> messages = awaitMessages(jobId, 1);
        Message message = messages.get(0);
        Map<String, Object> body = api.parse(message.body());
        assertThat(body).isEqualTo(Map.of("schema", 1, "job_id", jobId,
                "drawing_key", "drawings/" + owner + "/" + drawingId + ".pdf", "owner", owner,
                "correlation_id", "corr-queued-1", "requested_at", body.get("requested_at")));
        assertThat(Instant.parse((String) body.get("requested_at"))).isEqualTo(stored.createdAt());
        assertThat(message.messageAttributes()).hasSize(2);
        assertThat(message.messageAttributes().get("job_id").stringValue()).isEqualTo(jobId);
        assertThat(message.messageAttributes().get("correlation_id").stringValue()).isEqualTo("corr-queued-1");
        assertThat(message.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER)).isEqualTo(traceHeader);
    }

    @Test
    void shouldReturn422AndWriteNothing_whenTheDrawingWasNeverUploaded() {
        String owner = user();
        var response = call(api.as(owner).post("/process-drawing", "{\"drawing_id\":\"drw_aaaaaaaaaaaaaaaaaaaa\"}"));
        assertProblem(response, 422, "drawing_not_uploaded");
        assertThat(call(api.as(owner).get("/jobs")).json().get("items")).asList().isEmpty();
    }

    @Test
    void shouldReturn422_whenTheDrawingBelongsToAnotherUser() throws Exception {
        String drawingId = uploadDrawing(user());
        var response = call(api.as(user()).post("/process-drawing", "{\"drawing_id\":\"" + drawingId + "\"}"));
        assertProblem(response, 422, "drawing_not_uploaded");
    }

    @Test
    void shouldReturn400_whenTheDrawingIdIsMalformedOrTheKeyIsInvalid() {
        assertProblem(call(api.as(user()).post("/process-drawing", "{\"drawing_id\":\"../../etc/passwd\"}")),
                400, "invalid_request");
        assertProblem(call(api.as(user()).header("Idempotency-Key", "has spaces")
                .post("/process-drawing", "{\"drawing_id\":\"drw_aaaaaaaaaaaaaaaaaaaa\"}")), 400, "invalid_request");
    }

    @Test
    void shouldReturnTheSameJobWithoutASecondMessage_whenTheIdempotencyKeyAndBodyRepeat() throws Exception {
        String owner = user();
        String drawingId = uploadDrawing(owner);
        String key = UUID.randomUUID().toString();
        String body = "{\"drawing_id\":\"" + drawingId + "\"}";

        var first = call(api.as(owner).header("Idempotency-Key", key).post("/process-drawing", body));
        var again = call(api.as(owner).header("Idempotency-Key", key).post("/process-drawing",
                "{ \"drawing_id\" : \"" + drawingId + "\" }"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.field("job_id")).isEqualTo(first.field("job_id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(awaitMessages(first.field("job_id"), 1)).hasSize(1);
        drainQueue();
        assertThat(messagesByJob.get(first.field("job_id"))).hasSize(1);
        assertThat(call(api.as(owner).get("/jobs")).json().get("items")).asList().hasSize(1);
        assertThat(aws.dynamoDb().scan(r -> r.tableName(env.resources().jobsTable())).items().toString())
                .as("the key itself is stored nowhere").doesNotContain(key);
        Job stored = jobsTable.getItem(r -> r.key(Key.builder().partitionValue(first.field("job_id")).build())
                .consistentRead(true));
        assertThat(stored.idempotencyKey()).as("the claim's id: a SHA-256 of owner and key").matches("[0-9a-f]{64}");
        assertThat(aws.dynamoDb().getItem(r -> r.tableName(env.resources().jobsTable()).consistentRead(true)
                .key(Map.of(JobTable.JOB_ID, AttributeValue.fromS("idempotency#" + stored.idempotencyKey()))))
                .item()).as("the claim the job row names")
                .containsEntry("target_job_id", AttributeValue.fromS(stored.jobId()));
    }

    @Test
    void shouldReturn409_whenTheIdempotencyKeyIsReusedWithAnotherBody() throws Exception {
        String owner = user();
        String key = UUID.randomUUID().toString();
        var first = call(api.as(owner).header("Idempotency-Key", key)
                .post("/process-drawing", "{\"drawing_id\":\"" + uploadDrawing(owner) + "\"}"));
        var other = call(api.as(owner).header("Idempotency-Key", key)
                .post("/process-drawing", "{\"drawing_id\":\"" + uploadDrawing(owner) + "\"}"));
        assertThat(first.status()).isEqualTo(202);
        assertProblem(other, 409, "idempotency_key_reused");
    }

    @Test
    void shouldKeepKeysOfDifferentUsersApart() throws Exception {
        String key = UUID.randomUUID().toString();
        String alice = user();
        String bob = user();
        var forAlice = call(api.as(alice).header("Idempotency-Key", key)
                .post("/process-drawing", "{\"drawing_id\":\"" + uploadDrawing(alice) + "\"}"));
        var forBob = call(api.as(bob).header("Idempotency-Key", key)
                .post("/process-drawing", "{\"drawing_id\":\"" + uploadDrawing(bob) + "\"}"));
        assertThat(forAlice.status()).isEqualTo(202);
        assertThat(forBob.status()).isEqualTo(202);
        assertThat(forBob.field("job_id")).isNotEqualTo(forAlice.field("job_id"));
    }

    @Test
    void shouldCreateOneJob_whenTwoRequestsWithTheSameKeyRace() throws Exception {
        String owner = user();
        String drawingId = uploadDrawing(owner);
        String key = UUID.randomUUID().toString();
        String body = "{\"drawing_id\":\"" + drawingId + "\"}";
        int racers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<ApiGatewayEvents.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                // Events are built before the start signal so the handler calls start together.
                var event = api.as(owner).header("Idempotency-Key", key).header("content-type", "application/json")
                        .event("POST", "/process-drawing", body);
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.send(event);
                }));
            }
            go.countDown();
            List<String> jobIds = new CopyOnWriteArrayList<>();
            for (Future<ApiGatewayEvents.Response> answer : answers) {
                var response = call(answer.get());
                assertThat(response.status()).as(response.toString()).isEqualTo(202);
                jobIds.add(response.field("job_id"));
            }
            assertThat(jobIds).containsOnly(jobIds.get(0));
            assertThat(awaitMessages(jobIds.get(0), 1)).hasSize(1);
            drainQueue();
            assertThat(messagesByJob.get(jobIds.get(0))).hasSize(1);
            assertThat(call(api.as(owner).get("/jobs")).json().get("items")).asList().hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReturn503AndMarkTheJobFailed_whenTheQueueRejectsTheMessage_thenQueueItOnARepeat() throws Exception {
        String owner = user();
        String drawingId = uploadDrawing(owner);
        String key = UUID.randomUUID().toString();
        String body = "{\"drawing_id\":\"" + drawingId + "\"}";
        ApplicationContext broken = JobApiContexts.start(env, env.jobsQueueUrl() + "-does-not-exist",
                Map.of("test.capture-metrics", "true"));
        try (JobApiHandler brokenHandler = new JobApiHandler(broken)) {
            var brokenApi = new ApiGatewayEvents(brokenHandler, "job-api");
            var failed = call(brokenApi.as(owner).header("Idempotency-Key", key).post("/process-drawing", body));

            assertProblem(failed, 503, "queue_unavailable");
            assertThat(failed.header("Retry-After")).isEqualTo("5");
            // The EMF metric that the enqueue-failure alarm watches, one per failed send, naming the job.
            List<String> emitted = broken.getBean(EmittedMetrics.class).withMetric("EnqueueFailed");
            assertThat(emitted).singleElement().satisfies(doc -> assertThat(doc).contains("\"EnqueueFailed\":1")
                    .contains("\"function\":\"job-api\"").contains("\"job_id\":\"job_"));
            // Retrying that job while the queue is still unreachable answers the same 503.
            @SuppressWarnings("unchecked") var listed = (List<Map<String, Object>>) call(api.as(owner).get("/jobs"))
                    .json().get("items");
            assertProblem(call(brokenApi.as(owner).post("/jobs/" + listed.get(0).get("job_id") + "/retry", null)),
                    503, "queue_unavailable");
        }
        List<?> items = (List<?>) call(api.as(owner).get("/jobs")).json().get("items");
        assertThat(items).hasSize(1);
        @SuppressWarnings("unchecked") Map<String, Object> job = (Map<String, Object>) items.get(0);
        assertThat(job).containsEntry("status", "failed");
        assertThat(job.get("error")).isEqualTo(Map.of("type", "enqueue_failed",
                "message", "The job could not be handed to the processing queue.", "retryable", true));

        var repeated = call(api.as(owner).header("Idempotency-Key", key).post("/process-drawing", body));
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.json()).isEqualTo(Map.of("job_id", job.get("job_id"), "status", "queued"));
        assertThat(awaitMessages((String) job.get("job_id"), 1)).hasSize(1);
    }

    // ---- GET /status/{job_id} ----

    @Test
    void shouldReturn200WithRetryAfter_whileTheJobIsQueued() throws Exception {
        String owner = user();
        String jobId = submit(owner);
        var response = call(api.as(owner).get("/status/" + jobId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        Map<String, Object> body = response.json();
        assertThat(body).containsEntry("job_id", jobId).containsEntry("status", "queued")
                .containsEntry("stages_completed", List.of()).containsEntry("attempts", 0)
                .containsEntry("progress", Map.of("pages_done", 0, "pages_total", 0))
                .doesNotContainKeys("result", "error", "current_stage", "last_checkpoint", "started_at");
        assertThat(body.get("created_at")).isEqualTo(body.get("updated_at"));
    }

    @Test
    void shouldReturnAWorkingDownloadLink_whenTheJobIsCompleted() throws Exception {
        String owner = user();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String jobId = "job_" + created.toEpochMilli() + "_completed2";
        String scheduleKey = "results/" + jobId + "/schedule.json";
        aws.s3().putObject(r -> r.bucket(env.resources().drawingsBucket()).key(scheduleKey),
                RequestBody.fromString("{\"components\":[]}"));
        jobsTable.putItem(Job.queued(jobId, owner, "drw_aaaaaaaaaaaaaaaaaaaa", "drawings/x.pdf", created, "corr-done",
                        null, null).toBuilder().status(JobStatus.COMPLETED).updatedAt(created.plusSeconds(30))
                .startedAt(created.plusMillis(1500)).stagesCompleted(List.of(JobStage.values())).currentStage(JobStage.RESULT)
                .lastCheckpoint(created.plusSeconds(30)).progress(new JobProgress(3, 3)).attempts(1)
                .result(new JobResult(2, Map.of("card_reader", 2), scheduleKey, null, "offline", 0, 0, 0.0))
                .build());

        var response = call(api.as(owner).get("/status/" + jobId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Retry-After")).isNull();
        assertThat(Instant.parse((String) response.json().get("started_at"))).isEqualTo(created.plusMillis(1500));
        @SuppressWarnings("unchecked") Map<String, Object> result = (Map<String, Object>) response.json().get("result");
        assertThat(result).containsEntry("component_count", 2).containsEntry("counts_by_type", Map.of("card_reader", 2))
                .containsEntry("schedule_json_key", scheduleKey).doesNotContainKey("csv_download_url");
        var download = HTTP.send(HttpRequest.newBuilder(URI.create((String) result.get("download_url"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("{\"components\":[]}");
    }

    @Test
    void shouldReturn400_whenTheJobIdIsMalformed() {
        assertProblem(call(api.as(user()).get("/status/not-a-job")), 400, "invalid_request");
        assertProblem(call(api.as(user()).delete("/jobs/not-a-job")), 400, "invalid_request");
        assertProblem(call(api.as(user()).post("/jobs/not-a-job/retry", null)), 400, "invalid_request");
    }

    @Test
    void shouldReturn404_whenTheJobIsUnknown() {
        assertProblem(call(api.as(user()).get("/status/job_1795000000000_abcdefgh23")), 404, "job_not_found");
    }

    @Test
    void shouldReturn404_whenJobBelongsToAnotherUser() throws Exception {
        String jobId = submit(user());
        assertProblem(call(api.as(user()).get("/status/" + jobId)), 404, "job_not_found");
        assertProblem(call(api.as(user()).delete("/jobs/" + jobId)), 404, "job_not_found");
        assertProblem(call(api.as(user()).post("/jobs/" + jobId + "/retry", null)), 404, "job_not_found");
    }

    // ---- GET /jobs ----

    @Test
    void shouldListTheCallersJobsNewestFirst_pageByPage() throws Exception {
        String owner = user();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(submit(owner));
        }
        submit(user());

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = call(api.as(owner).get("/jobs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            assertThat(page.status()).isEqualTo(200);
            @SuppressWarnings("unchecked") List<Map<String, Object>> items = (List<Map<String, Object>>) page.json()
                    .get("items");
            items.forEach(item -> listed.add((String) item.get("job_id")));
            cursor = page.field("next_cursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(listed).containsExactlyElementsOf(created.reversed());
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void shouldFilterByStatus() throws Exception {
        String owner = user();
        String kept = submit(owner);
        String cancelled = submit(owner);
        call(api.as(owner).delete("/jobs/" + cancelled));

        var page = call(api.as(owner).get("/jobs?status=cancelled"));
        @SuppressWarnings("unchecked") List<Map<String, Object>> items = (List<Map<String, Object>>) page.json()
                .get("items");
        assertThat(items).extracting(i -> i.get("job_id")).containsExactly(cancelled).doesNotContain(kept);
    }

    @Test
    void shouldReturn400_whenTheCursorIsTamperedOrFromAnotherUserOrListing() throws Exception {
        String owner = user();
        submit(owner);
        submit(owner);
        String cursor = call(api.as(owner).get("/jobs?limit=1")).field("next_cursor");
        assertThat(cursor).isNotNull();

        assertProblem(call(api.as(owner).get("/jobs?limit=1&cursor=X" + cursor.substring(1))), 400, "invalid_cursor");
        assertProblem(call(api.as(user()).get("/jobs?limit=1&cursor=" + cursor)), 400, "invalid_cursor");
        assertProblem(call(api.as(owner).get("/jobs?limit=1&status=failed&cursor=" + cursor)), 400, "invalid_cursor");
        assertThat(call(api.as(owner).get("/jobs?limit=1&cursor=" + cursor)).status()).isEqualTo(200);
    }

    @Test
    void shouldReturn400_whenLimitOrStatusIsInvalid() {
        assertProblem(call(api.as(user()).get("/jobs?limit=0")), 400, "invalid_request");
        assertProblem(call(api.as(user()).get("/jobs?limit=101")), 400, "invalid_request");
        assertProblem(call(api.as(user()).get("/jobs?limit=ten")), 400, "invalid_request");
        assertProblem(call(api.as(user()).get("/jobs?status=done")), 400, "invalid_request");
    }

    // ---- DELETE /jobs/{job_id} and POST /jobs/{job_id}/retry ----

    @Test
    void shouldCancelAQueuedJob_andReturn409_whenCancelledAgain() throws Exception {
        String owner = user();
        String jobId = submit(owner);

        var cancelled = call(api.as(owner).delete("/jobs/" + jobId));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("status", "cancelled");
        assertThat(jobsTable.getItem(r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true)).status())
                .isEqualTo(JobStatus.CANCELLED);

        assertProblem(call(api.as(owner).delete("/jobs/" + jobId)), 409, "job_state_conflict");
        assertProblem(call(api.as(owner).post("/jobs/" + jobId + "/retry", null)), 409, "job_state_conflict");
    }

    @Test
    void shouldRequeueAFailedJobFromItsCheckpoint_andReturn409_whenItIsNotFailed() throws Exception {
        String owner = user();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String jobId = "job_" + created.toEpochMilli() + "_failedjob2";
        jobsTable.putItem(Job.queued(jobId, owner, "drw_aaaaaaaaaaaaaaaaaaaa", "drawings/" + owner + "/d.pdf", created,
                        "corr-failed", null, null).toBuilder().status(JobStatus.FAILED).startedAt(created.plusSeconds(1))
                .stagesCompleted(List.of(JobStage.VALIDATION, JobStage.PDF_PROCESSING))
                .currentStage(JobStage.DRAWING_ANALYSIS).attempts(3)
                .error(new JobError("analysis_unavailable", "The analyser kept failing.", true,
                        JobStage.DRAWING_ANALYSIS)).build());

        var retried = call(api.as(owner).post("/jobs/" + jobId + "/retry", null));

        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json()).isEqualTo(Map.of("job_id", jobId, "status", "queued"));
        assertThat(retried.header("Location")).isEqualTo("/status/" + jobId);
        Job stored = jobsTable.getItem(r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true));
        assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(stored.error()).isNull();
        assertThat(stored.startedAt()).as("the processor's attribute: job-api leaves it for the processor to restart")
                .isEqualTo(created.plusSeconds(1));
        assertThat(call(api.as(owner).get("/status/" + jobId)).json()).as("the retry is a new run, not yet started")
                .doesNotContainKey("started_at");
        assertThat(stored.stagesCompleted()).containsExactly(JobStage.VALIDATION, JobStage.PDF_PROCESSING);
        Map<String, Object> message = api.parse(awaitMessages(jobId, 1).get(0).body());
        assertThat(message).containsEntry("resume_from", "drawing_analysis").containsEntry("correlation_id",
                "corr-failed");

        assertProblem(call(api.as(owner).post("/jobs/" + jobId + "/retry", null)), 409, "job_state_conflict");
    }

    @Test
    void shouldReturn503OnListingsOnly_whenTheCursorKeyCannotBeRead() throws Exception {
        String owner = user();
        String jobId = call(api.as(owner).post("/process-drawing",
                "{\"drawing_id\":\"" + uploadDrawing(owner) + "\"}")).json().get("job_id").toString();
        call(api.as(owner).post("/process-drawing", "{\"drawing_id\":\"" + uploadDrawing(owner) + "\"}"));
        ApplicationContext keyless = JobApiContexts.start(env, env.jobsQueueUrl(),
                Map.of(PlatformNames.CURSOR_KEY_PARAMETER, "/moc-platform/missing/cursor-signing-key"));
        try (JobApiHandler keylessHandler = new JobApiHandler(keyless)) {
            var keylessApi = new ApiGatewayEvents(keylessHandler, "job-api");

            var page = call(keylessApi.as(owner).get("/jobs?limit=1"));

            assertProblem(page, 503, "cursor_key_unavailable");
            assertThat(page.header("Retry-After")).isEqualTo("5");
            assertThat(page.body()).doesNotContain("cursor-signing-key");
            assertThat(call(keylessApi.as(owner).get("/status/" + jobId)).status()).isEqualTo(200);
        }
    }

    // ---- routing ----

    @Test
    void shouldAnswerProblems_forUnknownRoutesAndMethods() {
        assertProblem(call(api.as(user()).get("/nowhere")), 404, "route_not_found");
        assertProblem(call(api.as(user()).delete("/status/job_1795000000000_abcdefgh23")), 405, "method_not_allowed");
    }

    // ---- the OpenAPI document ----

    /** Runs last: every answer above was checked against the document, and every documented answer was given. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldHaveGivenEveryDocumentedResponse() {
        assertThat(CONTRACT.seenResponses()).containsExactlyInAnyOrderElementsOf(CONTRACT.documentedResponses());
    }

    // ---- helpers ----

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    private static ApiGatewayEvents.Response call(ApiGatewayEvents.Response response) {
        List<String> violations = CONTRACT.violations(response);
        assertThat(violations).as("OpenAPI contract for " + response).isEmpty();
        assertThat(response.header("X-Correlation-Id")).as("correlation id on " + response).isNotBlank();
        return response;
    }

    private static void assertProblem(ApiGatewayEvents.Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json()).containsEntry("type", "urn:moc-platform:problem:" + slug)
                .containsEntry("status", status).containsKeys("title", "detail", "correlation_id");
    }

    private static String uploadDrawing(String owner) throws IOException, InterruptedException {
        var response = call(api.as(owner).post("/drawings",
                "{\"filename\":\"plan.pdf\",\"content_type\":\"application/pdf\",\"size_bytes\":" + PDF.length + "}"));
        assertThat(response.status()).isEqualTo(201);
        @SuppressWarnings("unchecked") Map<String, Object> upload = (Map<String, Object>) response.json().get("upload");
        assertThat(put(upload, PDF).statusCode()).isEqualTo(200);
        return response.field("drawing_id");
    }

    private static String submit(String owner) throws IOException, InterruptedException {
        var response = call(api.as(owner).post("/process-drawing", "{\"drawing_id\":\"" + uploadDrawing(owner) + "\"}"));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.field("job_id");
    }

    private static HttpResponse<String> put(Map<String, Object> upload, byte[] bytes)
            throws IOException, InterruptedException {
        @SuppressWarnings("unchecked") Map<String, String> headers = (Map<String, String>) upload.get("headers");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((String) upload.get("url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        // The client sets Content-Length from the body itself (it is a restricted header here).
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Receives until the job has {@code count} messages (others are kept for their own tests). */
    private static List<Message> awaitMessages(String jobId, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (messagesByJob.getOrDefault(jobId, List.of()).size() < count && System.currentTimeMillis() < deadline) {
            receiveOnce(1);
        }
        return messagesByJob.getOrDefault(jobId, List.of());
    }

    /**
     * Receives until the queue is empty. job-api sends a job's message before it answers, so once the answers are
     * in, a message that should not exist is already in the queue: no time window to wait out.
     */
    private static void drainQueue() {
        while (receiveOnce(0) > 0) {
            // keep receiving
        }
    }

    private static synchronized int receiveOnce(int waitSeconds) {
        var received = aws.sqs().receiveMessage(r -> r.queueUrl(env.jobsQueueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER)).messages();
        for (Message message : received) {
            var jobAttribute = message.messageAttributes().get("job_id");
            String jobId = jobAttribute == null ? "?" : jobAttribute.stringValue();
            messagesByJob.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(message);
            aws.sqs().deleteMessage(r -> r.queueUrl(env.jobsQueueUrl()).receiptHandle(message.receiptHandle()));
        }
        return received.size();
    }
}
