package io.mocplatform.testkit.sns;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message accepted by the SNS stand-in's Publish, as the publisher sent it.
 *
 * @param messageId  id returned to the publisher
 * @param topicArn   topic it was published to
 * @param subject    subject, or null
 * @param message    message body
 * @param attributes message attributes by name
 * @param timestamp  when the stand-in accepted it
 * @param structure  for a {@code MessageStructure=json} publish, the message per protocol (always with a
 *                   {@code default} entry); empty for a plain publish
 */
public record PublishedMessage(String messageId, String topicArn, String subject, String message,
                               Map<String, MessageAttribute> attributes, Instant timestamp,
                               Map<String, String> structure) {

    public PublishedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(topicArn, "topicArn");
        Objects.requireNonNull(message, "message");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(timestamp, "timestamp");
        structure = Map.copyOf(structure);
        if (!structure.isEmpty() && !structure.containsKey("default")) {
            throw new IllegalArgumentException("a message structure needs a default entry");
        }
    }

    /**
     * What a subscriber of {@code protocol} receives, as SNS decides it: the protocol's own entry of a
     * {@code MessageStructure=json} publish, else its {@code default} entry; the message itself for a plain publish.
     */
    public String messageFor(String protocol) {
        if (structure.isEmpty()) {
            return message;
        }
        return structure.getOrDefault(protocol, structure.get("default"));
    }

    /**
     * A message attribute. Binary values are kept base64-encoded, as they travel on the wire.
     *
     * @param dataType {@code String}, {@code Number}, {@code Binary} or {@code String.Array}
     * @param value    the string value, or the base64 text of a binary value
     */
    public record MessageAttribute(String dataType, String value) {

        public boolean isBinary() {
            return dataType.startsWith("Binary");
        }
    }
}
