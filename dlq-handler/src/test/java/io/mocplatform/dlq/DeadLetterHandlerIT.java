package io.mocplatform.dlq;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.mocplatform.dlq.api.DeadLetterHandler;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.alert.AlertKind;
import io.mocplatform.model.alert.AlertSeverity;
import io.mocplatform.model.alert.DeadLetterAlert;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import io.mocplatform.testkit.AwsClients;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import io.mocplatform.testkit.sns.PublishedMessage;
import io.mocplatform.testkit.sns.SnsStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dlq-handler against the in-process emulators: real redrive in ElasticMQ, the job row in DynamoDB Local,
 * alerts through the SNS stand-in into an SQS queue subscribed to the alerts topic. Every test gets its own
 * environment (tables, queues, topic), so storm windows and inboxes never mix.
 */
@WithLocalAws
class DeadLetterHandlerIT {

    private static final String TRACE_HEADER = "Root=1-67754a10-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";

    private final LocalAws aws;
    private final AwsClients clients;
    private final SnsStandIn sns;
    private final IdGenerator ids = new IdGenerator(Clock.systemUTC());
    private LocalAwsEnvironment env;
    private String inboxUrl;
    private final List<ApplicationContext> contexts = new ArrayList<>();

    DeadLetterHandlerIT(LocalAws aws) {
        this.aws = aws;
        this.clients = aws.clients();
        this.sns = aws.sns();
    }

    @BeforeEach
    void freshEnvironment() {
        env = aws.newIsolatedEnvironment();
        inboxUrl = clients.sqs().createQueue(b -> b.queueName("alerts-inbox-" + env.name())).queueUrl();
        String inboxArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(inboxUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        clients.sns().subscribe(b -> b.topicArn(env.alertsTopicArn()).protocol("sqs").endpoint(inboxArn));
    }

    @AfterEach
    void stopContexts() {
        sns.stopThrottling(env.alertsTopicArn());
        contexts.forEach(ApplicationContext::close);
    }

    @Test
    void shouldMarkJobFailedAndSendOneAlert_whenItsMessageDiesAfterThreeReceives() {
        DeadLetterHandler handler = handler(Map.of());
        Job job = storeJob(Fixtures.stuckJob(ids.newJobId(), Instant.now().minusSeconds(60)));
        sendJobMessage(job);

        int receives = receiveWithoutDeletingUntilDeadLettered();
        Message dead = receiveFromDlq();
        SQSBatchResponse response = handler.handleRequest(asEvent(dead), lambdaContext());

        assertThat(receives).isEqualTo(3);
        assertThat(response.getBatchItemFailures()).isEmpty();
        Job failed = readJob(job.jobId());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().type()).isEqualTo("dead_lettered");
        assertThat(failed.error().message()).isEqualTo(Fixtures.LAST_ERROR_MESSAGE);
        assertThat(failed.error().stage()).isEqualTo(job.currentStage());
        assertThat(failed.alertedAt()).isNotNull();
        assertThat(failed.leaseOwner()).isNull();

        List<Alert> alerts = drainInbox();
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        DeadLetterAlert body = alert.body();
        assertThat(body.kind()).isEqualTo(AlertKind.DEAD_LETTERED_JOB);
        assertThat(body.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(body.jobId()).isEqualTo(job.jobId());
        assertThat(body.owner()).isEqualTo(Fixtures.OWNER);
        assertThat(body.stage()).isEqualTo("drawing_analysis");
        assertThat(body.attempts()).isEqualTo(3);
        assertThat(body.receiveCount()).isPositive();
        assertThat(body.errorType()).isEqualTo(Fixtures.LAST_ERROR_TYPE);
        assertThat(body.errorMessage()).isEqualTo(Fixtures.LAST_ERROR_MESSAGE);
        assertThat(body.correlationId()).isEqualTo(job.correlationId());
        assertThat(body.messageId()).isEqualTo(dead.messageId());
        assertThat(body.sentAt()).isNotNull();
        assertThat(body.firstReceivedAt()).isNotNull().isAfterOrEqualTo(body.sentAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(body.queueAgeSeconds()).isNotNull().isNotNegative();
        assertThat(body.logsInsightsQuery()).contains("filter correlation_id = \"" + job.correlationId() + "\"");
        // Absolute, as DLQ_RUNBOOK_URL must be: the alert is read in mail, outside the repository.
        assertThat(body.runbookUrl())
                .isEqualTo(env.environmentVariablesFor("dlq-handler").get("DLQ_RUNBOOK_URL") + "#dead-lettered-job")
                .startsWith("file:/").contains("/docs/runbook.md#");
        assertThat(body.redriveCommand()).isEqualTo("aws sqs start-message-move-task --source-arn "
                + env.jobsDlqArn() + " --destination-arn " + env.jobsQueueArn());
        assertThat(body.dedupKey()).isEqualTo("dlq/" + env.name() + "/job/" + job.jobId());
        assertThat(alert.subject()).hasSizeLessThan(100).startsWith("[HIGH] " + env.name()).contains(job.jobId());
        assertThat(alert.text()).contains("Owner:", Fixtures.OWNER, "Stage reached:", "drawing_analysis",
                body.redriveCommand(), "POST /jobs/" + job.jobId() + "/retry");
        assertThat(alert.attributes()).containsEntry("severity", "high").containsEntry("job_id", job.jobId())
                .containsEntry("error_type", Fixtures.LAST_ERROR_TYPE);
        if (body.traceId() != null) {
            assertThat(body.traceId()).isEqualTo("1-67754a10-0123456789abcdef01234567");
        }

        SQSBatchResponse again = handler.handleRequest(asEvent(dead), lambdaContext());

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(drainInbox()).isEmpty();
        assertThat(sns.published(env.alertsTopicArn())).hasSize(1);
    }

    @Test
    void shouldSendExactlyOneAlert_whenTwoInvocationsHandleTheSameMessageAtOnce() throws Exception {
        DeadLetterHandler first = handler(Map.of());
        DeadLetterHandler second = handler(Map.of());
        Job job = storeJob(Fixtures.stuckJob(ids.newJobId(), Instant.now()));
        SQSEvent event = jobEvent(job.jobId());
        CountDownLatch start = new CountDownLatch(1);

        var a = CompletableFuture.supplyAsync(() -> await(start, () -> first.handleRequest(event, lambdaContext())));
        var b = CompletableFuture.supplyAsync(() -> await(start, () -> second.handleRequest(event, lambdaContext())));
        start.countDown();

        // The loser either found the alert confirmed (done) or still being published (come back later).
        assertThat(a.get().getBatchItemFailures().size() + b.get().getBatchItemFailures().size()).isLessThanOrEqualTo(1);
        assertThat(sns.published(env.alertsTopicArn())).hasSize(1);
        assertThat(readJob(job.jobId()).status()).isEqualTo(JobStatus.FAILED);

        SQSBatchResponse redelivered = first.handleRequest(event, lambdaContext());

        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(sns.published(env.alertsTopicArn())).hasSize(1);
    }

    @Test
    void shouldAlertExactlyOnce_whenTheFunctionDiedBetweenTheClaimAndThePublish() {
        Instant crashAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeadLetterHandler dying = handler(Map.of("test.crash-on-publish", "true", "test.fixed-clock", crashAt.toString()));
        Job job = storeJob(Fixtures.stuckJob(ids.newJobId(), crashAt.minus(Duration.ofDays(1))));
        SQSEvent event = jobEvent(job.jobId());

        assertThatThrownBy(() -> dying.handleRequest(event, lambdaContext()))
                .isInstanceOf(CrashingPublisherFactory.SimulatedCrash.class);
        Job orphaned = readJob(job.jobId());
        assertThat(orphaned.status()).isEqualTo(JobStatus.FAILED);
        assertThat(orphaned.alertedAt()).isEqualTo(crashAt);
        assertThat(orphaned.alertSentAt()).isNull();

        // Within the claim timeout the claimant might still be publishing: the message is left for later.
        SQSBatchResponse early = handler(Map.of("test.fixed-clock", crashAt.plusSeconds(30).toString()))
                .handleRequest(event, lambdaContext());
        assertThat(early.getBatchItemFailures()).hasSize(1);
        assertThat(sns.published(env.alertsTopicArn())).isEmpty();

        // The DLQ's visibility timeout (6 x the function timeout) is past the claim timeout (2 minutes).
        DeadLetterHandler redelivery = handler(Map.of("test.fixed-clock", crashAt.plus(Duration.ofMinutes(6)).toString()));
        SQSBatchResponse taken = redelivery.handleRequest(event, lambdaContext());
        SQSBatchResponse again = redelivery.handleRequest(event, lambdaContext());

        assertThat(taken.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(drainInbox()).singleElement().satisfies(alert -> {
            assertThat(alert.body().kind()).isEqualTo(AlertKind.DEAD_LETTERED_JOB);
            assertThat(alert.body().jobId()).isEqualTo(job.jobId());
            assertThat(alert.body().errorMessage()).isEqualTo(Fixtures.LAST_ERROR_MESSAGE);
        });
        assertThat(sns.published(env.alertsTopicArn())).hasSize(1);
        assertThat(readJob(job.jobId()).alertSentAt()).isEqualTo(crashAt.plus(Duration.ofMinutes(6)));
    }

    @Test
    void shouldAlertUnknownJobExactlyOnce_whenTheFunctionDiedAfterClaimingByMessageId() {
        Instant crashAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SQSEvent event = jobEvent(ids.newJobId());

        assertThatThrownBy(() -> handler(Map.of("test.crash-on-publish", "true", "test.fixed-clock", crashAt.toString()))
                .handleRequest(event, lambdaContext())).isInstanceOf(CrashingPublisherFactory.SimulatedCrash.class);
        SQSBatchResponse early = handler(Map.of("test.fixed-clock", crashAt.plusMillis(119_999).toString()))
                .handleRequest(event, lambdaContext());
        DeadLetterHandler redelivery = handler(Map.of("test.fixed-clock", crashAt.plus(Duration.ofMinutes(6)).toString()));
        SQSBatchResponse taken = redelivery.handleRequest(event, lambdaContext());
        SQSBatchResponse again = redelivery.handleRequest(event, lambdaContext());

        assertThat(early.getBatchItemFailures()).hasSize(1);
        assertThat(taken.getBatchItemFailures()).isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(drainInbox()).singleElement()
                .satisfies(alert -> assertThat(alert.body().kind()).isEqualTo(AlertKind.UNKNOWN_JOB));
    }

    @Test
    void shouldLeaveCompletedJobAsItIsAndSendNoAlert_whenItsStaleMessageDies() {
        DeadLetterHandler handler = handler(Map.of());
        Job completed = storeJob(Fixtures.stuckJob(ids.newJobId(), Instant.now()).toBuilder()
                .status(JobStatus.COMPLETED).error(null).leaseOwner(null).leaseExpiresAt(null)
                .result(new JobResult(3, Map.of("card_reader", 3), "results/a.json", "results/a.csv", "offline",
                        0, 0, 0.0))
                .build());

        SQSBatchResponse response = handler.handleRequest(jobEvent(completed.jobId()), lambdaContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(readJob(completed.jobId())).isEqualTo(completed);
        assertThat(sns.published(env.alertsTopicArn())).isEmpty();
    }

    @Test
    void shouldAlertOncePerPoisonMessageWithTheRawBodyMadeSafe_whenBodiesAreNotJobMessages() {
        DeadLetterHandler handler = handler(Map.of());
        SQSEvent event = Fixtures.event(json(), "dlq-poison-messages.json",
                Map.of("MESSAGE_ID", UUID.randomUUID().toString()));

        SQSBatchResponse response = handler.handleRequest(event, lambdaContext());
        SQSBatchResponse redelivered = handler.handleRequest(event, lambdaContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        List<Alert> alerts = drainInbox();
        assertThat(alerts).hasSize(2);
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.body().kind()).isEqualTo(AlertKind.POISON_MESSAGE);
            assertThat(alert.body().severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(alert.body().runbookUrl()).endsWith("#poison-message");
            assertThat(alert.attributes()).containsEntry("error_type", "poison_message").doesNotContainKey("job_id");
        });
        DeadLetterAlert html = alerts.stream().map(Alert::body).filter(b -> b.rawBody().startsWith("<html>"))
                .findFirst().orElseThrow();
        assertThat(html.errorMessage()).isEqualTo("the body is not JSON");
        assertThat(html.rawBody()).contains("\\u001b[31m", "\\u0007", "\\u202e").doesNotContain("\u001b", "\u202e");
        DeadLetterAlert noJobId = alerts.stream().map(Alert::body).filter(b -> b != html).findFirst().orElseThrow();
        assertThat(noJobId.errorMessage()).isEqualTo("the body has no job_id");
        assertThat(noJobId.owner()).isEqualTo("user-9");
        assertThat(noJobId.receiveCount()).isEqualTo(2);
    }

    @Test
    void shouldSendWarningForUnknownJob_whenTheMessageNamesNoExistingRow() {
        DeadLetterHandler handler = handler(Map.of());
        String missing = ids.newJobId();

        SQSBatchResponse response = handler.handleRequest(jobEvent(missing), lambdaContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Alert> alerts = drainInbox();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.body().kind()).isEqualTo(AlertKind.UNKNOWN_JOB);
            assertThat(alert.body().severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(alert.body().jobId()).isEqualTo(missing);
        });
    }

    @Test
    void shouldSendOneWarning_whenTwoMessagesOfTheSameUnknownJobDie() {
        DeadLetterHandler handler = handler(Map.of());
        String missing = ids.newJobId();

        SQSBatchResponse first = handler.handleRequest(jobEvent(missing), lambdaContext());
        SQSBatchResponse second = handler.handleRequest(jobEvent(missing), lambdaContext());

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(drainInbox()).singleElement()
                .satisfies(alert -> assertThat(alert.body().dedupKey()).endsWith("/unknown-job/" + missing));
    }

    @Test
    void shouldSendOneAggregatedAlert_whenMoreJobsDieInOneWindowThanTheThreshold() {
        // Pin the handler's clock inside one window; rows are dated a day earlier (lease lapsed, TTL far ahead:
        // DynamoDB Local really deletes expired rows).
        Instant windowStart = Instant.now().truncatedTo(ChronoUnit.HOURS);
        DeadLetterHandler handler = handler(Map.of("dlq.storm-threshold", 2, "dlq.storm-window", "1h",
                "test.fixed-clock", windowStart.plus(Duration.ofMinutes(7)).toString()));
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Job job = storeJob(Fixtures.stuckJob(ids.newJobId(), Instant.now().minus(Duration.ofDays(1))));
            if (i == 4) {
                job = storeJobReplacing(job.toBuilder().error(null).build());
            }
            jobIds.add(job.jobId());
            records.addAll(jobEvent(job.jobId()).getRecords());
        }
        SQSEvent batch = new SQSEvent();
        batch.setRecords(records);

        SQSBatchResponse response = handler.handleRequest(batch, lambdaContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(jobIds).allSatisfy(id -> {
            Job job = readJob(id);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error().type()).isEqualTo("dead_lettered");
            assertThat(job.alertedAt()).isNotNull();
        });
        List<Alert> alerts = drainInbox();
        assertThat(alerts).extracting(a -> a.body().kind()).containsExactlyInAnyOrder(AlertKind.DEAD_LETTERED_JOB,
                AlertKind.DEAD_LETTERED_JOB, AlertKind.DEAD_LETTER_STORM);
        DeadLetterAlert storm = alerts.stream().map(Alert::body).filter(b -> b.kind() == AlertKind.DEAD_LETTER_STORM)
                .findFirst().orElseThrow();
        assertThat(storm.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(storm.storm().windowStart()).isEqualTo(windowStart);
        assertThat(storm.storm().windowEnd()).isEqualTo(windowStart.plus(Duration.ofHours(1)));
        assertThat(storm.storm().deadMessages()).isEqualTo(3);
        assertThat(storm.storm().countsByErrorType()).containsEntry(Fixtures.LAST_ERROR_TYPE, 3L);
        assertThat(storm.dedupKey()).isEqualTo("dlq/" + env.name() + "/storm/" + windowStart);
        assertThat(alerts.stream().filter(a -> a.body().kind() == AlertKind.DEAD_LETTER_STORM).findFirst()
                .orElseThrow().attributes()).containsEntry("severity", "critical");
    }

    @Test
    void shouldReportBatchItemFailureAndAlertOnRetry_whenSnsThrottlesThePublish() {
        DeadLetterHandler handler = handler(Map.of());
        Job job = storeJob(Fixtures.stuckJob(ids.newJobId(), Instant.now()));
        Job other = storeJob(Fixtures.stuckJob(ids.newJobId(), Instant.now()).toBuilder()
                .status(JobStatus.CANCELLED).build());
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>(jobEvent(job.jobId()).getRecords());
        records.addAll(jobEvent(other.jobId()).getRecords());
        event.setRecords(records);
        sns.throttleAllPublishes(env.alertsTopicArn());

        SQSBatchResponse throttled = handler.handleRequest(event, lambdaContext());

        assertThat(throttled.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(records.get(0).getMessageId());
        Job stillFailed = readJob(job.jobId());
        assertThat(stillFailed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stillFailed.alertedAt()).isNull();
        assertThat(stillFailed.error().type()).isEqualTo(Fixtures.LAST_ERROR_TYPE);
        assertThat(sns.published(env.alertsTopicArn())).isEmpty();

        sns.stopThrottling(env.alertsTopicArn());
        SQSEvent retry = new SQSEvent();
        retry.setRecords(List.of(records.get(0)));
        SQSBatchResponse retried = handler.handleRequest(retry, lambdaContext());

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(drainInbox()).singleElement().satisfies(alert -> {
            assertThat(alert.body().jobId()).isEqualTo(job.jobId());
            assertThat(alert.body().errorType()).isEqualTo(Fixtures.LAST_ERROR_TYPE);
        });
        assertThat(readJob(job.jobId()).error().type()).isEqualTo("dead_lettered");
    }

    // ---- helpers

    private DeadLetterHandler handler(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(env.micronautPropertiesFor("dlq-handler"));
        // The variables Terraform sets, given as properties: application.properties reads them as ${JOBS_TABLE} etc.
        properties.putAll(env.environmentVariablesFor("dlq-handler"));
        properties.put("tracing.enabled", "false");
        properties.putAll(overrides);
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        contexts.add(context);
        return new DeadLetterHandler(context);
    }

    private JsonMapper json() {
        return contexts.isEmpty() ? JsonMapper.createDefault() : contexts.get(0).getBean(JsonMapper.class);
    }

    private static LocalLambdaContext lambdaContext() {
        return LocalLambdaContext.of("dlq-handler", Duration.ofSeconds(60));
    }

    private DynamoDbTable<Job> jobs() {
        return clients.dynamoDbEnhanced().table(env.resources().jobsTable(), JobTable.SCHEMA);
    }

    private Job storeJob(Job job) {
        jobs().putItem(job);
        return readJob(job.jobId());
    }

    private Job storeJobReplacing(Job job) {
        return jobs().updateItem(r -> r.item(job).ignoreNulls(false));
    }

    private Job readJob(String jobId) {
        return jobs().getItem(r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true));
    }

    private SQSEvent jobEvent(String jobId) {
        return Fixtures.event(json(), "dlq-job-message.json",
                Map.of("JOB_ID", jobId, "MESSAGE_ID", UUID.randomUUID().toString()));
    }

    private void sendJobMessage(Job job) {
        DrawingJobMessage message = DrawingJobMessage.of(job.jobId(), job.drawingKey(), job.owner(),
                job.correlationId(), job.createdAt());
        String body;
        try {
            body = json().writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clients.sqs().sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody(body)
                .messageAttributes(Map.of(
                        MessageAttributes.CORRELATION_ID, string(job.correlationId()),
                        MessageAttributes.JOB_ID, string(job.jobId())))
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(TRACE_HEADER).build())));
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** Plays a processor that fails every time: receives and never deletes, until SQS moves the message. */
    private int receiveWithoutDeletingUntilDeadLettered() {
        int receives = 0;
        for (int i = 0; i < 20; i++) {
            List<Message> got = clients.sqs().receiveMessage(b -> b.queueUrl(env.jobsQueueUrl())
                    .maxNumberOfMessages(1).visibilityTimeout(0).waitTimeSeconds(0)).messages();
            receives += got.size();
            if (got.isEmpty() && dlqDepth() > 0) {
                return receives;
            }
        }
        throw new AssertionError("message never reached the DLQ after " + receives + " receives");
    }

    private int dlqDepth() {
        return Integer.parseInt(clients.sqs().getQueueAttributes(b -> b.queueUrl(env.jobsDlqUrl())
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private Message receiveFromDlq() {
        List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(env.jobsDlqUrl()).maxNumberOfMessages(1)
                .waitTimeSeconds(2).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** The DLQ message as the Lambda event source mapping hands it over. */
    private SQSEvent asEvent(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setAttributes(new HashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attributes.put(name, attribute);
        });
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(env.jobsDlqArn());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    /** An alert as the subscribed queue received it. */
    record Alert(String subject, String text, DeadLetterAlert body, Map<String, String> attributes) {
    }

    private List<Alert> drainInbox() {
        List<Alert> alerts = new ArrayList<>();
        while (true) {
            List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(inboxUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(alerts.isEmpty() ? 1 : 0)).messages();
            if (messages.isEmpty()) {
                return alerts;
            }
            for (Message message : messages) {
                alerts.add(parse(message.body()));
                clients.sqs().deleteMessage(b -> b.queueUrl(inboxUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private Alert parse(String envelopeJson) {
        try {
            JsonNode envelope = json().readValue(envelopeJson, JsonNode.class);
            // The queue gets the "sqs" entry of the MessageStructure=json publish (the machine-readable alert);
            // people's protocols get "default", read here from what the topic recorded.
            String forSqs = envelope.get("Message").getStringValue();
            String messageId = envelope.get("MessageId").getStringValue();
            String text = sns.published(env.alertsTopicArn()).stream()
                    .filter(published -> published.messageId().equals(messageId)).findFirst().orElseThrow()
                    .messageFor("email");
            Map<String, String> attributes = new HashMap<>();
            JsonNode messageAttributes = envelope.get("MessageAttributes");
            if (messageAttributes != null) {
                for (var entry : messageAttributes.entries()) {
                    attributes.put(entry.getKey(), entry.getValue().get("Value").getStringValue());
                }
            }
            return new Alert(envelope.get("Subject").getStringValue(), text,
                    json().readValue(forSqs, DeadLetterAlert.class), attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Call<T> {
        T call();
    }

    private static <T> T await(CountDownLatch latch, Call<T> call) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return call.call();
    }
}
