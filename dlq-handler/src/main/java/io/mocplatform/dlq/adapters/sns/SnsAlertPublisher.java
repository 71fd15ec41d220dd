package io.mocplatform.dlq.adapters.sns;

import io.micronaut.json.JsonMapper;
import io.mocplatform.dlq.config.DlqConfiguration;
import io.mocplatform.dlq.domain.AlertPublishException;
import io.mocplatform.dlq.domain.Notification;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.model.alert.DeadLetterAlert;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes alerts on the alerts topic with {@code MessageStructure=json}: people's protocols (e-mail, the
 * default) get the readable text, SMS the one-line subject, and machine protocols (SQS, Lambda, HTTP(S),
 * Firehose, e-mail-json) the JSON payload. Message attributes {@code severity}, {@code alert_kind},
 * {@code error_type}, {@code job_id} and {@code dedup_key} let subscriptions filter without parsing the body.
 */
@Singleton
class SnsAlertPublisher implements AlertPublisher {

    /** Protocols that receive the JSON payload rather than text. */
    static final String[] MACHINE_PROTOCOLS = {"sqs", "lambda", "http", "https", "firehose", "email-json"};

    private final SnsClient sns;
    private final JsonMapper json;
    private final String topicArn;

    SnsAlertPublisher(SnsClient sns, JsonMapper json, DlqConfiguration config) {
        this.sns = sns;
        this.json = json;
        this.topicArn = config.alertsTopicArn();
    }

    @Override
    public void publish(Notification notification) {
        String message = messageStructure(notification);
        try {
            sns.publish(r -> r.topicArn(topicArn).subject(notification.subject()).messageStructure("json")
                    .message(message).messageAttributes(attributes(notification.payload())));
        } catch (SdkException e) {
            // Throttling and 5xx have been retried by the SDK already; the message goes back to the queue.
            throw new AlertPublishException("alert could not be published to " + topicArn + ": " + e.getMessage(), e);
        }
    }

    String messageStructure(Notification notification) {
        try {
            String payload = json.writeValueAsString(notification.payload());
            Map<String, String> perProtocol = new LinkedHashMap<>();
            perProtocol.put("default", notification.text());
            perProtocol.put("email", notification.text());
            perProtocol.put("sms", notification.subject());
            for (String protocol : MACHINE_PROTOCOLS) {
                perProtocol.put(protocol, payload);
            }
            return json.writeValueAsString(perProtocol);
        } catch (IOException e) {
            throw new UncheckedIOException("alert could not be written as JSON", e);
        }
    }

    static Map<String, MessageAttributeValue> attributes(DeadLetterAlert alert) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        put(attributes, "severity", alert.severity().wireName());
        put(attributes, "alert_kind", alert.kind().wireName());
        put(attributes, "error_type", alert.errorType());
        put(attributes, "job_id", alert.jobId());
        put(attributes, "dedup_key", alert.dedupKey());
        put(attributes, "environment", alert.environment());
        return attributes;
    }

    private static void put(Map<String, MessageAttributeValue> attributes, String name, String value) {
        // SNS refuses empty attribute values: leave out what does not apply.
        if (value != null && !value.isBlank()) {
            attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
        }
    }
}
