package io.mocplatform.reconciler.api;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler against DynamoDB Local (the Jobs table with its status index, created from the shared definition)
 * and ElasticMQ: what it sends, to which jobs, and that a second run right after sends nothing.
 */
@WithLocalAws
class JobReconcilerIT {

    private static final Duration STALE_AFTER = Duration.ofMinutes(30);

    private final LocalAws aws;
    private LocalAwsEnvironment env;
    private ApplicationContext context;

    JobReconcilerIT(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void freshEnvironment() {
        env = aws.newIsolatedEnvironment();
        Map<String, Object> properties = new HashMap<>(env.micronautPropertiesFor("job-reconciler"));
        // The variables Terraform sets, given as properties: application.properties reads them as ${JOBS_TABLE} etc.
        properties.putAll(env.environmentVariablesFor("job-reconciler"));
        properties.put(PlatformNames.STALE_JOB_AFTER, STALE_AFTER.toString());
        properties.put("tracing.enabled", "false");
        context = ApplicationContext.builder().properties(properties).start();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void shouldSendAgainExactlyTheMessagesOfForgottenJobs_andNothingOnTheNextRun() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant old = now.minus(STALE_AFTER).minusSeconds(60);
        store(job("job_lostqueued", JobStatus.QUEUED, old));
        store(job("job_deadworker", JobStatus.PROCESSING, old).toBuilder()
                .stagesCompleted(List.of(JobStage.VALIDATION)).leaseOwner("gone")
                .leaseExpiresAt(old.plusSeconds(5)).build());
        store(job("job_liveworker", JobStatus.PROCESSING, old).toBuilder().leaseOwner("alive")
                .leaseExpiresAt(now.plus(Duration.ofMinutes(10))).build());
        store(job("job_justqueued", JobStatus.QUEUED, now.minusSeconds(5)));
        store(job("job_finished", JobStatus.COMPLETED, old));
        store(job("job_broken", JobStatus.FAILED, old));

        ReconcileSummaryView first = handler().execute(new ScheduledEvent());

        assertThat(first.staleQueued()).isEqualTo(1);
        assertThat(first.staleProcessing()).isEqualTo(1);
        assertThat(first.requeued()).containsExactlyInAnyOrder("job_lostqueued", "job_deadworker");
        List<Message> messages = receiveAll();
        assertThat(messages).hasSize(2);
        Map<String, DrawingJobMessage> byJob = new HashMap<>();
        for (Message message : messages) {
            DrawingJobMessage body = context.getBean(JsonMapper.class).readValue(message.body(),
                    DrawingJobMessage.class);
            assertThat(message.messageAttributes().get(MessageAttributes.JOB_ID).stringValue())
                    .isEqualTo(body.jobId());
            assertThat(message.messageAttributes().get(MessageAttributes.CORRELATION_ID).stringValue())
                    .isEqualTo("corr-" + body.jobId());
            byJob.put(body.jobId(), body);
        }
        assertThat(byJob.get("job_lostqueued").resumeFrom()).isEqualTo(JobStage.VALIDATION);
        assertThat(byJob.get("job_deadworker").resumeFrom()).isEqualTo(JobStage.PDF_PROCESSING);
        assertThat(byJob.get("job_deadworker").drawingKey()).isEqualTo("drawings/alice/drw_job_deadworker.pdf");
        assertThat(read("job_lostqueued").updatedAt()).isAfterOrEqualTo(now);
        assertThat(read("job_lostqueued").status()).isEqualTo(JobStatus.QUEUED);

        ReconcileSummaryView second = handler().execute(new ScheduledEvent());

        assertThat(second.requeued()).isEmpty();
        assertThat(receiveAll()).isEmpty();
    }

    private JobReconcilerHandler handler() {
        return new JobReconcilerHandler(context);
    }

    private List<Message> receiveAll() {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = aws.clients().sqs().receiveMessage(b -> b.queueUrl(env.jobsQueueUrl()).maxNumberOfMessages(10)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .waitTimeSeconds(1)).messages();
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    private static Job job(String id, JobStatus status, Instant updatedAt) {
        return Job.queued(id, "alice", "drw_" + id, "drawings/alice/drw_" + id + ".pdf", updatedAt.minusSeconds(1),
                "corr-" + id, null, null).toBuilder().status(status).updatedAt(updatedAt).build();
    }

    private DynamoDbTable<Job> table() {
        return aws.clients().dynamoDbEnhanced().table(env.resources().jobsTable(), JobTable.SCHEMA);
    }

    private void store(Job job) {
        table().putItem(job);
    }

    private Job read(String jobId) {
        return table().getItem(r -> r.key(Key.builder().partitionValue(jobId).build()).consistentRead(true));
    }
}
