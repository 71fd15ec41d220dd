package io.mocplatform.devstack.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQS event Lambda's event source mapping hands a function ({@code {"Records":[...]}}), and the partial batch
 * response it reads back. Only the camelCase {@code batchItemFailures} counts, as in Lambda: a response in another
 * shape is taken as "all succeeded".
 */
final class SqsEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvents() {
    }

    static byte[] event(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode attribute(MessageAttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        node.putArray("stringListValues");
        node.putArray("binaryListValues");
        node.put("dataType", value.dataType());
        return node;
    }

    /**
     * The message ids the function reported as failed. {@code null} means the response is malformed in a way
     * Lambda treats as a failure of the whole batch (an item id that is empty or not in the batch).
     */
    static Set<String> failedItems(byte[] response, Set<String> batchIds) {
        JsonNode node;
        try {
            node = response.length == 0 ? null : JSON.readTree(response);
        } catch (IOException e) {
            return Set.of();
        }
        if (node == null || !node.isObject() || !node.has("batchItemFailures")) {
            return Set.of();
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode item : node.path("batchItemFailures")) {
            String id = item.path("itemIdentifier").asText("");
            if (id.isEmpty() || !batchIds.contains(id)) {
                return null;
            }
            failed.add(id);
        }
        return failed;
    }

    /** Whether the response looks like a partial batch response Lambda would not recognise (e.g. snake_case). */
    static boolean looksMisnamed(byte[] response) {
        try {
            JsonNode node = response.length == 0 ? null : JSON.readTree(response);
            return node != null && node.isObject() && !node.has("batchItemFailures")
                    && (node.has("batch_item_failures") || node.has("BatchItemFailures"));
        } catch (IOException e) {
            return false;
        }
    }
}
