package io.mocplatform.processor.it;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.fixtures.HostilePdfs;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import io.mocplatform.processor.api.DrawingJobHandler;
import io.mocplatform.testkit.AwsClients;
import io.mocplatform.testkit.LocalAwsEnvironment;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real handler in its own application context, pointed at one emulator environment the way Terraform's
 * variables point it at AWS, plus helpers to submit jobs as job-api does (row first, then message).
 */
final class ProcessorHarness implements AutoCloseable {

    static final String OWNER = "user-1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final LocalAwsEnvironment env;
    final AwsClients aws;
    final ApplicationContext context;
    final DrawingJobHandler handler;
    final JsonMapper json;
    final SqsEventSource events;
    final DynamoDbTable<Job> jobs;

    ProcessorHarness(LocalAwsEnvironment env, AwsClients aws, Map<String, Object> extra) {
        this.env = env;
        this.aws = aws;
        Map<String, Object> properties = new HashMap<>(env.micronautPropertiesFor("drawing-processor"));
        properties.put("processor.jobs-table", env.resources().jobsTable());
        properties.put("processor.drawings-bucket", env.resources().drawingsBucket());
        properties.put("processor.jobs-queue-url", env.jobsQueueUrl());
        properties.put("processor.analyzer", "offline");
        properties.put("processor.dpi", 72);
        properties.put("tracing.enabled", false);
        properties.putAll(extra);
        this.context = ApplicationContext.builder().properties(properties).start();
        this.handler = new DrawingJobHandler(context);
        this.json = context.getBean(JsonMapper.class);
        this.events = new SqsEventSource(aws.sqs(), env.jobsQueueUrl(), env.jobsQueueArn(), handler, json);
        this.jobs = aws.dynamoDbEnhanced().table(env.resources().jobsTable(), JobTable.SCHEMA);
    }

    /** Uploads the drawing, writes the queued job row and sends its message; returns the job id. */
    String submit(byte[] drawing) {
        String jobId = "job_" + (1772359200000L + SEQUENCE.incrementAndGet()) + "_abcdefghij";
        String key = "drawings/" + OWNER + "/drw_" + jobId + ".pdf";
        if (drawing != null) {
            aws.s3().putObject(b -> b.bucket(env.resources().drawingsBucket()).key(key), RequestBody.fromBytes(drawing));
        }
        Instant now = Instant.now();
        jobs.putItem(Job.queued(jobId, OWNER, "drw_" + jobId, key, now, "corr-" + jobId, null, null));
        send(DrawingJobMessage.of(jobId, key, OWNER, "corr-" + jobId, now));
        return jobId;
    }

    void send(DrawingJobMessage message) {
        try {
            String body = json.writeValueAsString(message);
            aws.sqs().sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody(body).messageAttributes(Map.of(
                    MessageAttributes.CORRELATION_ID, text(message.correlationId()),
                    MessageAttributes.JOB_ID, text(message.jobId()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Job job(String jobId) {
        return jobs.getItem(r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true));
    }

    String object(String key) {
        return aws.s3().getObjectAsBytes(b -> b.bucket(env.resources().drawingsBucket()).key(key)).asUtf8String();
    }

    long countObjects(String prefix) {
        return aws.s3().listObjectsV2(b -> b.bucket(env.resources().drawingsBucket()).prefix(prefix)).keyCount();
    }

    SqsEventSource.Delivery deliver() {
        return deliver(generous());
    }

    SqsEventSource.Delivery deliver(Context lambdaContext) {
        return events.deliverNext(lambdaContext, 2).orElseThrow(() -> new AssertionError("no message on the queue"));
    }

    static Context generous() {
        return LocalLambdaContext.of("drawing-processor", Duration.ofMinutes(15));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /**
     * Submits a hostile drawing and delivers its message once: the job must end then, completed or failed for good
     * with the failure the fixture expects, never sent back to the queue for another attempt.
     */
    public void assertEndsInOneAttempt(HostilePdfs.HostilePdf hostile) {
        String jobId = submit(hostile.pdf());

        SqsEventSource.Delivery delivery = deliver();

        assertThat(delivery.returnedToQueue()).as("message returned for another attempt").isFalse();
        Job job = job(jobId);
        assertThat(job.attempts()).isEqualTo(1);
        if (hostile.expectedFailure() == null) {
            assertThat(job.status()).as("status, error %s", job.error()).isEqualTo(JobStatus.COMPLETED);
        } else {
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error().type()).isEqualTo(hostile.expectedFailure());
            assertThat(job.error().retryable()).isFalse();
            assertThat(job.error().message()).doesNotContain("Exception", "java.", "org.apache");
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
