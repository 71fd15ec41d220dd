package io.mocplatform.processor.adapters.sqs;

import io.micronaut.json.JsonMapper;
import io.mocplatform.function.aws.Tracing;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import io.mocplatform.processor.config.ProcessorConfiguration;
import io.mocplatform.processor.domain.port.JobQueue;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The drawing-jobs queue: continuations and visibility changes. */
@Singleton
class SqsJobQueue implements JobQueue {

    private final SqsClient sqs;
    private final JsonMapper json;
    private final String queueUrl;

    SqsJobQueue(SqsClient sqs, JsonMapper json, ProcessorConfiguration config) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = config.jobsQueueUrl();
    }

    @Override
    public void handOn(DrawingJobMessage message) {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(MessageAttributes.JOB_ID, text(message.jobId()));
        if (message.correlationId() != null) {
            attributes.put(MessageAttributes.CORRELATION_ID, text(message.correlationId()));
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body)
                .messageAttributes(attributes);
        Tracing.currentTraceHeader().ifPresent(header -> request.messageSystemAttributes(Map.of(
                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("String").stringValue(header).build())));
        sqs.sendMessage(request.build());
    }

    @Override
    public void delayRedelivery(String receiptHandle, Duration delay) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) Math.max(0, delay.toSeconds())));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
