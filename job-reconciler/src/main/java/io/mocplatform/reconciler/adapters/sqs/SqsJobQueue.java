package io.mocplatform.reconciler.adapters.sqs;

import io.micronaut.serde.ObjectMapper;
import io.mocplatform.function.aws.Tracing;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import io.mocplatform.reconciler.config.ReconcilerConfiguration;
import io.mocplatform.reconciler.domain.port.JobQueue;
import io.mocplatform.reconciler.domain.port.QueueUnavailableException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends job messages as job-api does: the versioned body, {@code job_id} and {@code correlation_id} as message
 * attributes, and the current X-Ray trace header, which links the processor's trace to this run.
 */
@Singleton
class SqsJobQueue implements JobQueue {

    private final SqsClient sqs;
    private final ObjectMapper json;
    private final String queueUrl;

    SqsJobQueue(SqsClient sqs, ObjectMapper json, ReconcilerConfiguration config) {
        this.sqs = sqs;
        this.json = json;
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
