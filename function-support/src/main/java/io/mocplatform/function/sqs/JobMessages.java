package io.mocplatform.function.sqs;

import io.micronaut.json.JsonMapper;
import io.mocplatform.function.aws.Tracing;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A drawing-job message as every sender puts it on the queue (job-api for a new job, the processor for a
 * continuation, the reconciler for a job whose message was lost): the versioned body, {@code job_id} and
 * {@code correlation_id} as message attributes, and the current X-Ray trace header as the {@code AWSTraceHeader}
 * system attribute, which links the processor's trace to the call that sent the message.
 */
public final class JobMessages {

    private JobMessages() {
    }

    /** Sends the message; the SDK's exception (throttled, refused, unreachable) is the caller's to translate. */
    public static void send(SqsClient sqs, JsonMapper json, String queueUrl, DrawingJobMessage message) {
        sqs.sendMessage(request(json, queueUrl, message, Tracing.currentTraceHeader()));
    }

    static SendMessageRequest request(JsonMapper json, String queueUrl, DrawingJobMessage message,
                                      Optional<String> traceHeader) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(MessageAttributes.JOB_ID, text(message.jobId()));
        if (message.correlationId() != null) {
            attributes.put(MessageAttributes.CORRELATION_ID, text(message.correlationId()));
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl)
                .messageBody(body(json, message)).messageAttributes(attributes);
        traceHeader.ifPresent(header -> request.messageSystemAttributes(Map.of(
                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("String").stringValue(header).build())));
        return request.build();
    }

    private static String body(JsonMapper json, DrawingJobMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("job message " + message.jobId() + " could not be written", e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
