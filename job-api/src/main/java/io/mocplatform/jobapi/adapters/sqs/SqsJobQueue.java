package io.mocplatform.jobapi.adapters.sqs;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.serde.ObjectMapper;
import io.mocplatform.function.metrics.Metrics;
import io.mocplatform.function.sqs.JobMessages;
import io.mocplatform.jobapi.config.JobApiConfiguration;
import io.mocplatform.jobapi.domain.port.JobQueue;
import io.mocplatform.jobapi.domain.port.QueueUnavailableException;
import io.mocplatform.model.queue.DrawingJobMessage;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.function.Supplier;

/**
 * Sends job messages to the drawing-jobs queue ({@link JobMessages}: body, attributes, trace header); a send the
 * queue did not accept counts as {@code EnqueueFailed}. The SQS client is created at the first send, so a cold
 * start that answers a read does not build it.
 */
@Singleton
class SqsJobQueue implements JobQueue {

    private final Supplier<SqsClient> sqs;
    private final ObjectMapper json;
    private final Metrics metrics;
    private final String queueUrl;

    SqsJobQueue(BeanProvider<SqsClient> sqs, ObjectMapper json, Metrics metrics, JobApiConfiguration config) {
        this.sqs = SupplierUtil.memoized(sqs::get);
        this.json = json;
        this.metrics = metrics;
        this.queueUrl = config.jobsQueueUrl();
    }

    @Override
    public void enqueue(DrawingJobMessage message) {
        try {
            JobMessages.send(sqs.get(), json, queueUrl, message);
        } catch (SdkException e) {
            // The alarm on this metric (modules/monitoring, "<function>-enqueue-failed") pages on the first one.
            metrics.start().put("EnqueueFailed", 1, Unit.COUNT).property("job_id", message.jobId())
                    .property("correlation_id", message.correlationId()).flush();
            throw new QueueUnavailableException("the jobs queue did not accept job " + message.jobId(), e);
        }
    }
}
