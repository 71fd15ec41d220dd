package io.mocplatform.dlq.api;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.mocplatform.dlq.domain.DeadLetter;
import io.mocplatform.function.aws.Tracing;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.queue.MessageAttributes;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Reads an SQS record from the dead-letter queue as leniently as possible: any schema version is accepted as long
 * as the body is a JSON object with a well-formed {@code job_id} (newer writers may add or drop other fields);
 * when the body is unusable, the {@code job_id} and {@code correlation_id} message attributes still identify the
 * job. What cannot be read is described, never thrown: a poison message must still reach the on-call engineer.
 */
@Singleton
class DeadLetterReader {

    static final String RECEIVE_COUNT = "ApproximateReceiveCount";
    static final String SENT_TIMESTAMP = "SentTimestamp";
    static final String FIRST_RECEIVE_TIMESTAMP = "ApproximateFirstReceiveTimestamp";

    private final JsonMapper json;

    DeadLetterReader(JsonMapper json) {
        this.json = json;
    }

    DeadLetter read(SQSEvent.SQSMessage message) {
        Map<String, String> system = message.getAttributes() == null ? Map.of() : message.getAttributes();
        String body = message.getBody() == null ? "" : message.getBody();
        Body parsed = parse(body);
        String jobId = parsed.jobId() != null ? parsed.jobId() : wellFormed(attribute(message, MessageAttributes.JOB_ID));
        String unreadable = parsed.problem();
        if (parsed.jobId() == null && unreadable == null) {
            unreadable = "the body names no job";
        }
        String correlationId = parsed.correlationId() != null ? parsed.correlationId()
                : attribute(message, MessageAttributes.CORRELATION_ID);
        return new DeadLetter(message.getMessageId(), jobId, parsed.owner(), correlationId, parsed.schema(),
                unreadable, body, integer(system.get(RECEIVE_COUNT)), epochMillis(system.get(SENT_TIMESTAMP)),
                epochMillis(system.get(FIRST_RECEIVE_TIMESTAMP)),
                Tracing.traceId(system.get(MessageAttributes.TRACE_HEADER)).orElse(null));
    }

    private Body parse(String body) {
        JsonNode node;
        try {
            node = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException notJson) {
            return new Body(null, null, null, null, "the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            return new Body(null, null, null, null, "the body is JSON but not an object");
        }
        Integer schema = node.get("schema") != null && node.get("schema").isNumber()
                ? node.get("schema").getIntValue() : null;
        String rawJobId = text(node, "job_id");
        String jobId = wellFormed(rawJobId);
        String problem = rawJobId == null ? "the body has no job_id"
                : jobId == null ? "the body's job_id is not a well-formed job id" : null;
        return new Body(jobId, text(node, "owner"), text(node, "correlation_id"), schema, problem);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.getStringValue().isBlank() ? value.getStringValue() : null;
    }

    /** Only ids that look like ours are used as table keys; anything else makes the message poison. */
    private static String wellFormed(String jobId) {
        return IdGenerator.isJobId(jobId) ? jobId : null;
    }

    private static String attribute(SQSEvent.SQSMessage message, String name) {
        if (message.getMessageAttributes() == null) {
            return null;
        }
        SQSEvent.MessageAttribute attribute = message.getMessageAttributes().get(name);
        return attribute == null || attribute.getStringValue() == null || attribute.getStringValue().isBlank()
                ? null : attribute.getStringValue();
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant epochMillis(String value) {
        try {
            return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Body(String jobId, String owner, String correlationId, Integer schema, String problem) {
    }
}
