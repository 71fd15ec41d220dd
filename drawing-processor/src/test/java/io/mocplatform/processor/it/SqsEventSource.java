package io.mocplatform.processor.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.json.JsonMapper;
import io.mocplatform.processor.api.DrawingJobHandler;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plays the Lambda SQS event source mapping for one queue: receives one message, turns it into the
 * {@code events/sqs-drawing-job.json} fixture with the real message's id, receipt handle, body and attributes,
 * invokes the handler, and deletes the message unless the handler reported it as a batch item failure.
 */
final class SqsEventSource {

    static final int RECEIVE_VISIBILITY_SECONDS = 120;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final DrawingJobHandler handler;
    private final JsonMapper json;

    SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, DrawingJobHandler handler, JsonMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.handler = handler;
        this.json = json;
    }

    /** What one invocation saw and answered. */
    record Delivery(SQSEvent.SQSMessage record, SQSBatchResponse response) {
        boolean returnedToQueue() {
            return response.getBatchItemFailures().stream()
                    .anyMatch(f -> f.getItemIdentifier().equals(record.getMessageId()));
        }
    }

    /** Receives the next message (waiting up to {@code waitSeconds}) and invokes the handler with it. */
    Optional<Delivery> deliverNext(Context context, int waitSeconds) {
        // The queue's own 1800 s visibility outlasts the function's 900 s timeout; the emulator queue uses a short
        // one so that returned messages come back quickly, so each receive asks for the real relation.
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1)
                .waitTimeSeconds(waitSeconds).visibilityTimeout(RECEIVE_VISIBILITY_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(invoke(messages.get(0), context));
    }

    /** Invokes the handler with an already received message, then settles it as Lambda would. */
    Delivery invoke(Message message, Context context) {
        SQSEvent event = fixture();
        SQSEvent.SQSMessage record = event.getRecords().get(0);
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setEventSourceArn(queueArn);
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        record.setAttributes(attributes);
        record.setMessageAttributes(message.messageAttributes().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> {
                    SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                    attribute.setDataType(e.getValue().dataType());
                    attribute.setStringValue(e.getValue().stringValue());
                    return attribute;
                })));
        SQSBatchResponse response = handler.handleRequest(event, context);
        Delivery delivery = new Delivery(record, response);
        if (!delivery.returnedToQueue()) {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return delivery;
    }

    private SQSEvent fixture() {
        try (InputStream in = SqsEventSource.class.getResourceAsStream("/events/sqs-drawing-job.json")) {
            return json.readValue(in.readAllBytes(), SQSEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
