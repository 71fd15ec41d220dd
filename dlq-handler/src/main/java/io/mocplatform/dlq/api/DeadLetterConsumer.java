package io.mocplatform.dlq.api;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.mocplatform.dlq.domain.DeadLetter;
import io.mocplatform.dlq.domain.DeadLetterOutcome;
import io.mocplatform.dlq.domain.DeadLetterService;
import io.mocplatform.dlq.domain.Disposition;
import io.mocplatform.function.lambda.CurrentLambdaContext;
import io.mocplatform.function.logging.LogContext;
import io.mocplatform.function.metrics.Metrics;
import io.mocplatform.function.sqs.SqsBatch;
import io.mocplatform.model.alert.DeadLetterAlert;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dead message end to end: read it, let the domain handle it, write one structured log line with every fact
 * (the alert body's fields plus {@code dlq_outcome}), emit its metrics, and tell the batch whether SQS must
 * deliver it again.
 */
@Singleton
class DeadLetterConsumer {

    static final String FUNCTION = "dlq-handler";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterConsumer.class);

    private final DeadLetterReader reader;
    private final DeadLetterService service;
    private final JsonMapper json;
    private final Metrics metrics;
    private final CurrentLambdaContext lambda;

    DeadLetterConsumer(DeadLetterReader reader, DeadLetterService service, JsonMapper json, Metrics metrics,
                        CurrentLambdaContext lambda) {
        this.reader = reader;
        this.service = service;
        this.json = json;
        this.metrics = metrics;
        this.lambda = lambda;
    }

    SqsBatch.Outcome process(SQSEvent.SQSMessage message) {
        DeadLetter letter = reader.read(message);
        try (LogContext log = LogContext.open(FUNCTION, letter.correlationId())) {
            log.put(LogContext.JOB_ID, letter.jobId()).put(LogContext.REQUEST_ID, lambda.requestId().orElse(null));
            DeadLetterOutcome outcome;
            try {
                outcome = service.handle(letter);
            } catch (RuntimeException e) {
                // Unhandled means unalerted: say so loudly with what is known, and let SQS deliver it again.
                withFields(LOG.atError(), known(letter)).setCause(e)
                        .log("dead letter {} could not be handled and returns to the queue; no alert was sent for it",
                                letter.messageId());
                record(Disposition.PUBLISH_FAILED, null, "handler_error");
                return SqsBatch.Outcome.RETRY;
            }
            log.put(LogContext.CORRELATION_ID, outcome.facts().correlationId());
            logOutcome(letter, outcome);
            record(outcome.disposition(), outcome.facts().jobId(), outcome.facts().errorType());
            return outcome.retry() ? SqsBatch.Outcome.RETRY : SqsBatch.Outcome.DONE;
        }
    }

    private void logOutcome(DeadLetter letter, DeadLetterOutcome outcome) {
        DeadLetterAlert facts = outcome.facts();
        Map<String, Object> fields = fields(facts);
        fields.put("dlq_outcome", outcome.disposition().wireName());
        fields.put("message_schema", letter.schema());
        String summary = "dead letter " + outcome.disposition().wireName() + ": " + facts.summary();
        switch (outcome.disposition()) {
            case PUBLISH_FAILED -> withFields(LOG.atError(), fields)
                    .log("{}; the alert could not be published, the message returns to the queue", summary);
            case ALREADY_ALERTED, JOB_ALREADY_FINISHED, JOB_BUSY, ALERT_IN_PROGRESS ->
                    withFields(LOG.atInfo(), fields).log(summary);
            default -> withFields(LOG.atWarn(), fields).log(summary);
        }
        if (outcome.stormAlert() != null) {
            Map<String, Object> storm = fields(outcome.stormAlert());
            storm.put("dlq_outcome", "storm_alert");
            withFields(LOG.atWarn(), storm).log("storm alert: " + outcome.stormAlert().summary());
        }
    }

    /** Each field becomes a top-level field of the JSON log line (key-value pairs of slf4j's fluent API). */
    private static LoggingEventBuilder withFields(LoggingEventBuilder event, Map<String, Object> fields) {
        fields.forEach(event::addKeyValue);
        return event;
    }

    /** The alert body's fields, minus the ones the logging context already carries as top-level fields. */
    private Map<String, Object> fields(DeadLetterAlert alert) {
        try {
            Map<String, Object> map = new LinkedHashMap<>(json.readValue(json.writeValueAsBytes(alert),
                    Argument.mapOf(String.class, Object.class)));
            map.remove(LogContext.JOB_ID);
            map.remove(LogContext.CORRELATION_ID);
            map.remove("schema");
            return map;
        } catch (IOException e) {
            throw new IllegalStateException("alert facts could not be turned into log fields", e);
        }
    }

    private static Map<String, Object> known(DeadLetter letter) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dlq_outcome", "handler_error");
        map.put("message_id", letter.messageId());
        map.put("receive_count", letter.receiveCount());
        map.put("unreadable_reason", letter.unreadableReason());
        return map;
    }

    private void record(Disposition disposition, String jobId, String errorType) {
        boolean sent = disposition == Disposition.ALERTED || disposition == Disposition.STORM_ALERTED;
        metrics.start()
                .put("DeadLetterMessages", 1, Unit.COUNT)
                .put("AlertsSent", sent ? 1 : 0, Unit.COUNT)
                .put("AlertsSuppressed", disposition == Disposition.SUPPRESSED_BY_STORM ? 1 : 0, Unit.COUNT)
                .put("AlertFailures", disposition == Disposition.PUBLISH_FAILED ? 1 : 0, Unit.COUNT)
                .property("job_id", jobId)
                .property("error_type", errorType)
                .property("dlq_outcome", disposition.wireName())
                .flush();
    }
}
