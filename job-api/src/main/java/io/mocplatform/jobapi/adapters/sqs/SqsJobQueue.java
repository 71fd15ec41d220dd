package io.mocplatform.jobapi.adapters.sqs;

import io.micronaut.serde.ObjectMapper;
import io.mocplatform.function.aws.Tracing;
import io.mocplatform.function.metrics.Metrics;
import io.mocplatform.jobapi.config.JobApiConfiguration;
import io.mocplatform.jobapi.domain.port.JobQueue;
import io.mocplatform.jobapi.domain.port.QueueUnavailableException;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends job messages to the drawing-jobs queue: the versioned body, {@code correlation_id} and {@code job_id} as
 * message attributes, and the current X-Ray trace header as the {@code AWSTraceHeader} system attribute, which
 * links the processor's trace to the request that queued the job.
 */
@Singleton
class SqsJobQueue implements JobQueue {

    private final SqsClient sqs;
    private final ObjectMapper json;
    private final Metrics metrics;
    private final String queueUrl;

    SqsJobQueue(SqsClient sqs, ObjectMapper json, Metrics metrics, JobApiConfiguration config) {
        this.sqs = sqs;
        this.json = json;
        this.metrics = metrics;
        this.queueUrl = config.jobsQueueUrl();
    }

    @Override
    public void enqueue(DrawingJobMessage message) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(MessageAttributes.JOB_ID, text(message.jobId()));
        if (message.correlationId() != null) {
            attributes.put(MessageAttributes.CORRELATION_ID, text(message.correlationId()));
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl)
                .messageBody(body(message)).messageAttributes(attributes);
        Tracing.currentTraceHeader().ifPresent(header -> request.messageSystemAttributes(Map.of(
                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("String").stringValue(header).build())));
        try {
            sqs.sendMessage(request.build());
        } catch (SdkException e) {
            // The alarm on this metric (modules/monitoring, "<function>-enqueue-failed") pages on the first one.
            metrics.start().put("EnqueueFailed", 1, Unit.COUNT).property("job_id", message.jobId())
                    .property("correlation_id", message.correlationId()).flush();
            throw new QueueUnavailableException("the jobs queue did not accept job " + message.jobId(), e);
        }
    }

    private String body(DrawingJobMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("job message could not be written", e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
