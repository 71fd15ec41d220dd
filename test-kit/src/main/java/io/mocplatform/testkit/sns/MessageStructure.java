package io.mocplatform.testkit.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of a {@code MessageStructure=json} publish: one message per protocol, checked as SNS checks it. */
final class MessageStructure {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageStructure() {
    }

    /** The entries by protocol; refuses what SNS refuses (not a JSON object, no {@code default}, a non-string). */
    static Map<String, String> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (root == null || !root.isObject()) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            if (!field.getValue().isTextual()) {
                throw SnsError.invalidParameter("Invalid parameter: Message Structure - the value of "
                        + field.getKey() + " must be a string");
            }
            entries.put(field.getKey(), field.getValue().textValue());
        }
        if (!entries.containsKey("default")) {
            throw SnsError.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        return entries;
    }
}
