package io.mocplatform.testkit.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers a published message to a subscribed SQS queue the way SNS does: wrapped in the JSON notification
 * envelope, or with {@code RawMessageDelivery} as the bare message with the message attributes turned into SQS
 * message attributes. A {@code MessageStructure=json} publish delivers its {@code sqs} entry (or {@code default}).
 * The stand-in does not sign: {@code Signature} is a placeholder and the certificate URL points
 * at the stand-in itself.
 */
final class SqsDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final SqsClient sqs;
    private final URI standInEndpoint;

    SqsDelivery(SqsClient sqs, URI standInEndpoint) {
        this.sqs = sqs;
        this.standInEndpoint = standInEndpoint;
    }

    void deliver(TopicRegistry.Subscription subscription, PublishedMessage message) {
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName(subscription.endpoint()))).queueUrl();
        if (subscription.rawMessageDelivery()) {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.messageFor("sqs"))
                    .messageAttributes(sqsAttributes(message.attributes())));
        } else {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(envelope(subscription, message)));
        }
    }

    /** The queue name is the last part of its ARN: {@code arn:aws:sqs:region:account:name}. */
    static String queueName(String queueArn) {
        String[] parts = queueArn.split(":");
        if (parts.length != 6 || !"sqs".equals(parts[2])) {
            throw SnsError.invalidParameter("Invalid SQS endpoint ARN: " + queueArn);
        }
        return parts[5];
    }

    String envelope(TopicRegistry.Subscription subscription, PublishedMessage message) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", message.messageId());
        envelope.put("TopicArn", message.topicArn());
        if (message.subject() != null) {
            envelope.put("Subject", message.subject());
        }
        envelope.put("Message", message.messageFor("sqs"));
        envelope.put("Timestamp", TIMESTAMP.format(message.timestamp().truncatedTo(ChronoUnit.MILLIS)));
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", "UNSIGNED-LOCAL-STAND-IN");
        envelope.put("SigningCertURL", standInEndpoint.resolve("/SimpleNotificationService-local.pem").toString());
        envelope.put("UnsubscribeURL", standInEndpoint.resolve("/?Action=Unsubscribe&SubscriptionArn="
                + URLEncoder.encode(subscription.arn(), StandardCharsets.UTF_8)).toString());
        if (!message.attributes().isEmpty()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            message.attributes().forEach((name, attribute) -> attributes.put(name,
                    Map.of("Type", attribute.dataType(), "Value", attribute.value())));
            envelope.put("MessageAttributes", attributes);
        }
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, MessageAttributeValue> sqsAttributes(
            Map<String, PublishedMessage.MessageAttribute> attributes) {
        Map<String, MessageAttributeValue> result = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> {
            MessageAttributeValue.Builder value = MessageAttributeValue.builder().dataType(attribute.dataType());
            if (attribute.isBinary()) {
                value.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(attribute.value())));
            } else {
                value.stringValue(attribute.value());
            }
            result.put(name, value.build());
        });
        return result;
    }
}
