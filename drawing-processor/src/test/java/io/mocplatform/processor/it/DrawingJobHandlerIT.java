package io.mocplatform.processor.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.mocplatform.fixtures.HostilePdfs;
import io.mocplatform.fixtures.SampleDrawings;
import io.mocplatform.fixtures.ScannedDrawings;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.testkit.AwsClients;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@WithLocalAws
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrawingJobHandlerIT {

    private ProcessorHarness harness;
    private CapturingMetricsSink metrics;
    private JsonMapper json;

    @BeforeAll
    void start(LocalAwsEnvironment env, AwsClients aws) {
        harness = new ProcessorHarness(env, aws, Map.of("processor.max-pages", 12,
                "processor.max-bytes", 2_000_000));
        metrics = harness.context.getBean(CapturingMetricsSink.class);
        json = harness.json;
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @BeforeEach
    void isolate() {
        metrics.clear();
        harness.aws.sqs().purgeQueue(b -> b.queueUrl(harness.env.jobsQueueUrl()));
        harness.aws.sqs().purgeQueue(b -> b.queueUrl(harness.env.jobsDlqUrl()));
    }

    @Test
    void shouldPublishScheduleAndCompleteJob_whenDrawingIsGood() throws IOException {
        SampleDrawings.SampleDrawing drawing = SampleDrawings.drawing(4);
        String jobId = harness.submit(drawing.pdf());
        ListAppender<ILoggingEvent> logs = captureLogs();

        SqsEventSource.Delivery delivery = harness.deliver();

        assertThat(delivery.returnedToQueue()).isFalse();
        Job job = harness.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.stagesCompleted()).containsExactly(JobStage.values());
        assertThat(job.progress().pagesDone()).isEqualTo(4);
        assertThat(job.progress().pagesTotal()).isEqualTo(4);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.leaseOwner()).isNull();
        assertThat(job.lastCheckpoint()).isNotNull();
        assertThat(job.startedAt()).as("started_at of the completed job").isNotNull()
                .isBetween(job.createdAt(), job.updatedAt());
        assertThat(job.result().analyzer()).isEqualTo("offline");
        assertThat(job.result().componentCount()).isEqualTo(drawing.expected().size());
        assertThat(job.result().countsByType()).containsEntry("card_reader", 3).containsEntry("door_contact", 5)
                .containsEntry("electric_strike", 1).containsEntry("motion_sensor", 2).containsEntry("break_glass", 1);
        assertThat(job.result().scheduleJsonKey()).isEqualTo("results/" + jobId + "/schedule.json");

        JsonNode schedule = json.readValue(harness.object(job.result().scheduleJsonKey()), JsonNode.class);
        Map<String, SampleDrawings.Expected> found = new java.util.TreeMap<>();
        for (JsonNode component : schedule.get("components").values()) {
            List<Integer> pages = new ArrayList<>();
            component.get("pages").values().forEach(p -> pages.add(p.getIntValue()));
            found.put(component.get("tag").getStringValue(),
                    new SampleDrawings.Expected(component.get("type").getStringValue(), pages));
        }
        assertThat(found).isEqualTo(drawing.expected());
        assertThat(harness.object(job.result().scheduleCsvKey())).startsWith("tag,type,pages,description\r\n")
                .contains("CR-101,card_reader,1;2,Card Reader\r\n");
        // Text of every page; no image, because the offline analyser reads none.
        assertThat(harness.countObjects("jobs/" + jobId + "/pages/")).isEqualTo(4);
        assertThat(harness.countObjects("jobs/" + jobId + "/pages/page-0001.png")).isZero();

        assertThat(emf("StageDuration")).hasSize(4).allSatisfy(doc -> {
            assertThat(unit(doc, "StageDuration")).isEqualTo("Milliseconds");
            assertThat(doc.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").getStringValue())
                    .isEqualTo("MocPlatform");
            assertThat(doc.get("function").getStringValue()).isEqualTo("drawing-processor");
            assertThat(doc.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").get(0).values())
                    .extracting(JsonNode::getStringValue).containsExactly("function", "stage");
            assertThat(doc.get("job_id").getStringValue()).isEqualTo(jobId);
        }).extracting(doc -> doc.get("stage").getStringValue())
                .containsExactlyInAnyOrder("validation", "pdf_processing", "drawing_analysis", "result");
        JsonNode outcome = emf("JobOutcome").get(0);
        assertThat(outcome.get("outcome").getStringValue()).isEqualTo("completed");
        assertThat(outcome.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").get(0).values())
                .extracting(JsonNode::getStringValue).containsExactly("function", "outcome");
        assertThat(outcome.get("Pages").getIntValue()).isEqualTo(4);
        assertThat(unit(outcome, "JobOutcome")).isEqualTo("Count");
        assertThat(outcome.get("correlation_id").getStringValue()).isEqualTo("corr-" + jobId);

        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().startsWith("job completed")).singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap())
                        .containsEntry("job_id", jobId)
                        .containsEntry("correlation_id", "corr-" + jobId)
                        .containsEntry("function", "drawing-processor")
                        .containsKey("cold_start"));
    }

    static Stream<Arguments> unusableDrawings() {
        byte[] tooLarge = new byte[2_100_000];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, tooLarge, 0, 9);
        return Stream.of(
                Arguments.of("encrypted", SampleDrawings.encrypted(), "encrypted_pdf"),
                Arguments.of("corrupt", SampleDrawings.corrupt(), "corrupt_pdf"),
                Arguments.of("png", SampleDrawings.notAPdf(), "not_a_pdf"),
                Arguments.of("missing", null, "drawing_missing"),
                Arguments.of("13 pages", SampleDrawings.drawing(13).pdf(), "too_many_pages"),
                Arguments.of("2.1 MB", tooLarge, "too_large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableDrawings")
    void shouldFailJobAtOnceAndDeleteMessage_whenDrawingIsUnusable(String name, byte[] drawing, String type) {
        String jobId = harness.submit(drawing);

        SqsEventSource.Delivery delivery = harness.deliver();

        assertThat(delivery.returnedToQueue()).isFalse();
        Job job = harness.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().type()).isEqualTo(type);
        assertThat(job.error().retryable()).isFalse();
        assertThat(job.error().stage()).isEqualTo(JobStage.VALIDATION);
        assertThat(job.leaseOwner()).isNull();
        assertThat(harness.events.deliverNext(ProcessorHarness.generous(), 0)).isEmpty();
        assertThat(emf("JobOutcome").get(0).get("outcome").getStringValue()).isEqualTo("failed");
    }

    static Stream<HostilePdfs.HostilePdf> hostileDrawings() {
        return HostilePdfs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDrawings")
    void shouldEndInOneAttempt_completedOrFailedForGood_whenTheDrawingIsHostile(HostilePdfs.HostilePdf hostile) {
        harness.assertEndsInOneAttempt(hostile);
    }

    @Test
    void shouldCompleteAndCountPagesWithoutText_whenResumingAJobWhosePagesAreBlank() {
        // Three scanned pages, then one with tags. Pages come back from S3 when the analysis runs in a later
        // delivery; a page stored without text lines used to read back as null lines and fail every receive.
        String jobId = harness.submit(ScannedDrawings.scansThenPlan());
        harness.deliver();
        Job done = harness.job(jobId);
        harness.jobs.updateItem(done.toBuilder().status(JobStatus.PROCESSING).result(null)
                .stagesCompleted(List.of(JobStage.VALIDATION, JobStage.PDF_PROCESSING))
                .currentStage(JobStage.DRAWING_ANALYSIS).build());
        harness.send(DrawingJobMessage.of(jobId, done.drawingKey(), done.owner(), done.correlationId(),
                done.createdAt()).resumingFrom(JobStage.DRAWING_ANALYSIS));

        SqsEventSource.Delivery resumed = harness.deliver();

        assertThat(resumed.returnedToQueue()).isFalse();
        Job job = harness.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.result().componentCount()).isEqualTo(2);
        assertThat(job.result().warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.type()).isEqualTo("no_text_layer");
            assertThat(warning.pages()).containsExactly(1, 2, 3);
            assertThat(warning.count()).isEqualTo(3);
        });
        assertThat(harness.object(job.result().scheduleJsonKey())).contains("\"no_text_layer\"");
    }

    @Test
    void shouldHandOnAtDeadline_thenResumeFromCheckpoint_andProduceTheSameSchedule() {
        byte[] pdf = SampleDrawings.drawing(6).pdf();
        String uninterrupted = harness.submit(pdf);
        harness.deliver();
        metrics.clear();
        String interrupted = harness.submit(pdf);
        // Each look at the remaining time costs a second; with the 60 s safety margin the deadline is "near"
        // after four looks: the stage boundaries and the first pages use them up, mid-way through the pages.
        LocalLambdaContext shortLived = new LocalLambdaContext("drawing-processor", Duration.ofSeconds(64), 512,
                tickingClock(Duration.ofSeconds(1)));

        SqsEventSource.Delivery first = harness.deliver(shortLived);

        assertThat(first.returnedToQueue()).isFalse();
        Job saved = harness.job(interrupted);
        assertThat(saved.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(saved.stagesCompleted()).containsExactly(JobStage.VALIDATION);
        assertThat(saved.currentStage()).isEqualTo(JobStage.PDF_PROCESSING);
        int pagesDone = saved.progress().pagesDone();
        assertThat(pagesDone).isBetween(1, 5);
        assertThat(saved.leaseOwner()).isNull();
        assertThat(emf("JobOutcome").get(0).get("outcome").getStringValue()).isEqualTo("handed_on");

        Message continuation = receiveRaw();
        assertThat(continuation.body()).contains("\"resume_from\":\"pdf_processing\"");
        assertThat(continuation.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .isEqualTo("1");
        metrics.clear();
        SqsEventSource.Delivery second = harness.events.invoke(continuation, ProcessorHarness.generous());

        assertThat(second.returnedToQueue()).isFalse();
        Job resumed = harness.job(interrupted);
        assertThat(resumed.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(emf("JobOutcome").get(0).get("Pages").getIntValue()).isEqualTo(6 - pagesDone);
        assertThat(harness.countObjects("jobs/" + interrupted + "/pages/")).isEqualTo(6);
        assertThat(emf("StageDuration")).extracting(doc -> doc.get("stage").getStringValue())
                .doesNotContain("validation");
        assertThat(harness.object(resumed.result().scheduleCsvKey()))
                .isEqualTo(harness.object(harness.job(uninterrupted).result().scheduleCsvKey()));
        assertThat(resumed.result().countsByType()).isEqualTo(harness.job(uninterrupted).result().countsByType());
    }

    @Test
    void shouldAcknowledgeAndLeaveJobAlone_whenJobWasCancelled() {
        String jobId = harness.submit(SampleDrawings.drawing(1).pdf());
        harness.jobs.updateItem(harness.job(jobId).toBuilder().status(JobStatus.CANCELLED).build());

        SqsEventSource.Delivery delivery = harness.deliver();

        assertThat(delivery.returnedToQueue()).isFalse();
        assertThat(harness.job(jobId).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(harness.job(jobId).attempts()).isZero();
        assertThat(harness.countObjects("jobs/" + jobId + "/")).isZero();
    }

    @Test
    void shouldLetOnlyOneDeliveryWork_whenTheSameJobArrivesTwiceAtOnce() throws Exception {
        String jobId = harness.submit(SampleDrawings.drawing(3).pdf());
        Job job = harness.job(jobId);
        harness.send(DrawingJobMessage.of(jobId, job.drawingKey(), job.owner(), job.correlationId(), job.createdAt()));
        List<Message> both = new ArrayList<>();
        while (both.size() < 2) {
            both.addAll(harness.aws.sqs().receiveMessage(b -> b.queueUrl(harness.env.jobsQueueUrl())
                    .maxNumberOfMessages(2).waitTimeSeconds(1).messageAttributeNames("All")
                    .visibilityTimeout(SqsEventSource.RECEIVE_VISIBILITY_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages());
        }
        // Two handlers (two containers) over the same function configuration, working at the same time.
        ExecutorService twoContainers = Executors.newFixedThreadPool(2);
        try (ProcessorHarness other = new ProcessorHarness(harness.env, harness.aws, Map.of())) {
            var a = CompletableFuture.supplyAsync(() -> harness.events.invoke(both.get(0), ProcessorHarness.generous()),
                    twoContainers);
            var b = CompletableFuture.supplyAsync(() -> other.events.invoke(both.get(1), ProcessorHarness.generous()),
                    twoContainers);
            assertThat(a.get().returnedToQueue()).isFalse();
            assertThat(b.get().returnedToQueue()).isFalse();
            List<String> outcomes = new ArrayList<>();
            for (CapturingMetricsSink sink : List.of(metrics, other.context.getBean(CapturingMetricsSink.class))) {
                sink.documents().stream().map(this::parse).filter(d -> d.get("JobOutcome") != null)
                        .forEach(d -> outcomes.add(d.get("outcome").getStringValue()));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("completed", "skipped");
        } finally {
            twoContainers.shutdown();
        }
        assertThat(harness.job(jobId).attempts()).isEqualTo(1);
        assertThat(harness.job(jobId).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void shouldReturnInvalidMessageImmediately_soItReachesTheDlqAfterThreeReceives() {
        ListAppender<ILoggingEvent> logs = captureLogs();
        harness.aws.sqs().sendMessage(b -> b.queueUrl(harness.env.jobsQueueUrl()).messageBody("not json at all"));

        for (int receive = 1; receive <= 3; receive++) {
            assertThat(harness.deliver().returnedToQueue()).isTrue();
        }

        assertThat(harness.events.deliverNext(ProcessorHarness.generous(), 1)).isEmpty();
        List<Message> dead = harness.aws.sqs().receiveMessage(b -> b.queueUrl(harness.env.jobsDlqUrl())
                .waitTimeSeconds(2)).messages();
        assertThat(dead).extracting(Message::body).containsExactly("not json at all");
        harness.aws.sqs().deleteMessage(b -> b.queueUrl(harness.env.jobsDlqUrl())
                .receiptHandle(dead.get(0).receiptHandle()));
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("invalid job message").contains("raw body: not json at all"));
    }

    private Message receiveRaw() {
        List<Message> messages = harness.aws.sqs().receiveMessage(b -> b.queueUrl(harness.env.jobsQueueUrl())
                .waitTimeSeconds(2).visibilityTimeout(SqsEventSource.RECEIVE_VISIBILITY_SECONDS).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private List<JsonNode> emf(String metric) {
        return metrics.documents().stream().map(this::parse).filter(doc -> doc.get(metric) != null).toList();
    }

    private JsonNode parse(String document) {
        try {
            return json.readValue(document, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unit(JsonNode document, String metric) {
        for (JsonNode definition : document.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").values()) {
            if (definition.get("Name").getStringValue().equals(metric)) {
                return definition.get("Unit").getStringValue();
            }
        }
        throw new AssertionError("no definition for " + metric);
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.mocplatform.processor");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    /** A clock that moves forward by {@code step} every time it is read. */
    private static Clock tickingClock(Duration step) {
        AtomicLong reads = new AtomicLong();
        Instant start = Instant.now();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plus(step.multipliedBy(reads.getAndIncrement()));
            }
        };
    }
}
