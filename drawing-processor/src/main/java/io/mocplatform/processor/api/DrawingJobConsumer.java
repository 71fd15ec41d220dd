package io.mocplatform.processor.api;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.json.JsonMapper;
import io.mocplatform.function.lambda.CurrentLambdaContext;
import io.mocplatform.function.logging.LogContext;
import io.mocplatform.function.metrics.Metrics;
import io.mocplatform.function.sqs.SqsBatch;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.InvalidMessageException;
import io.mocplatform.model.queue.MessageAttributes;
import io.mocplatform.processor.config.ProcessorConfiguration;
import io.mocplatform.processor.domain.Deadline;
import io.mocplatform.processor.domain.DrawingJobProcessor;
import io.mocplatform.processor.domain.Outcome;
import io.mocplatform.processor.domain.ProcessingReport;
import io.mocplatform.processor.domain.ProcessingRequest;
import io.mocplatform.processor.domain.port.JobQueue;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Duration;
import java.util.Map;

/**
 * One SQS record: parse, run the pipeline, and turn the outcome into what happens to the message.
 *
 * <ul>
 *   <li>done, failed for good, cancelled, skipped: acknowledged (deleted);</li>
 *   <li>retryable failure: visibility set to the backoff delay, then reported as a batch item failure, so the
 *       third failed receive dead-letters it;</li>
 *   <li>deadline: a continuation message is queued and the current one acknowledged, so a long drawing does not
 *       use up the receive count; should the send fail, the record is returned with a short visibility instead;</li>
 *   <li>not a valid job message: logged with its raw body and returned with no delay, so it reaches the DLQ
 *       after its remaining receives within seconds instead of hours.</li>
 * </ul>
 */
@Singleton
class DrawingJobConsumer {

    static final String FUNCTION = "drawing-processor";
    private static final Logger LOG = LoggerFactory.getLogger(DrawingJobConsumer.class);
    private static final Duration HAND_OVER_FALLBACK_DELAY = Duration.ofSeconds(5);

    private final DrawingJobProcessor processor;
    private final JobQueue queue;
    private final JsonMapper json;
    private final Metrics metrics;
    private final CurrentLambdaContext lambdaContext;
    private final Duration safetyMargin;

    DrawingJobConsumer(DrawingJobProcessor processor, JobQueue queue, JsonMapper json, Metrics metrics,
                       CurrentLambdaContext lambdaContext, ProcessorConfiguration config) {
        this.processor = processor;
        this.queue = queue;
        this.json = json;
        this.metrics = metrics;
        this.lambdaContext = lambdaContext;
        this.safetyMargin = config.safetyMargin();
    }

    SqsBatch.Outcome handle(SQSEvent.SQSMessage record) {
        try (LogContext log = LogContext.open(FUNCTION, attribute(record, MessageAttributes.CORRELATION_ID))) {
            log.put(LogContext.REQUEST_ID, lambdaContext.requestId().orElse(null));
            DrawingJobMessage message;
            try {
                message = parse(record.getBody());
            } catch (InvalidMessageException invalid) {
                log.put(LogContext.JOB_ID, attribute(record, MessageAttributes.JOB_ID));
                LOG.error("invalid job message {} ({}); raw body: {}", record.getMessageId(), invalid.getMessage(),
                        record.getBody());
                emitOutcome("invalid", null, null);
                delay(record, Duration.ZERO);
                return SqsBatch.Outcome.RETRY;
            }
            log.put(LogContext.JOB_ID, message.jobId());
            if (message.correlationId() != null) {
                log.put(LogContext.CORRELATION_ID, message.correlationId());
            }
            Deadline deadline = () -> lambdaContext.remainingTime().minus(safetyMargin);
            ProcessingReport report = processor.process(
                    new ProcessingRequest(message, record.getMessageId(), receiveCount(record)), deadline);
            emit(report, message);
            return settle(record, message, report.outcome());
        }
    }

    private SqsBatch.Outcome settle(SQSEvent.SQSMessage record, DrawingJobMessage message, Outcome outcome) {
        switch (outcome) {
            case Outcome.Completed completed -> LOG.info("job completed with {} components",
                    completed.result().componentCount());
            case Outcome.Failed failed -> LOG.warn("job failed: {} ({})", failed.error().type(),
                    failed.error().message());
            case Outcome.Cancelled cancelled -> LOG.info("job was cancelled; processing stopped");
            case Outcome.Skipped skipped -> LOG.info("nothing to do: {}", skipped.reason());
            case Outcome.HandedOn handedOn -> {
                try {
                    queue.handOn(message.resumingFrom(handedOn.resumeFrom()));
                    LOG.info("time is short: progress saved, continuing from {} in a new message",
                            handedOn.resumeFrom().wireName());
                } catch (RuntimeException sendFailed) {
                    LOG.warn("continuation could not be queued, returning the message instead", sendFailed);
                    delay(record, HAND_OVER_FALLBACK_DELAY);
                    return SqsBatch.Outcome.RETRY;
                }
            }
            case Outcome.RetryLater retry -> {
                LOG.warn("retryable failure {}: message returns in {} s (receive {})", retry.error().type(),
                        retry.delay().toSeconds(), receiveCount(record));
                delay(record, retry.delay());
            }
            case Outcome.Invalid invalid -> {
                LOG.error("job message {} cannot be processed ({}); raw body: {}", record.getMessageId(),
                        invalid.reason(), record.getBody());
                delay(record, Duration.ZERO);
            }
        }
        return outcome.acknowledges() ? SqsBatch.Outcome.DONE : SqsBatch.Outcome.RETRY;
    }

    private void delay(SQSEvent.SQSMessage record, Duration delay) {
        try {
            queue.delayRedelivery(record.getReceiptHandle(), delay);
        } catch (RuntimeException e) {
            // The message still comes back after the queue's own visibility timeout.
            LOG.warn("could not change the message's visibility: {}", e.toString());
        }
    }

    private DrawingJobMessage parse(String body) {
        try {
            DrawingJobMessage message = json.readValue(body, DrawingJobMessage.class);
            if (message == null) {
                throw new InvalidMessageException("empty message body");
            }
            return message;
        } catch (InvalidMessageException e) {
            throw e;
        } catch (Exception e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof InvalidMessageException invalid) {
                    throw invalid;
                }
                cause = cause.getCause();
            }
            throw new InvalidMessageException("body is not a job message: " + e.getMessage(), e);
        }
    }

    private void emit(ProcessingReport report, DrawingJobMessage message) {
        report.stageDurations().forEach((stage, duration) -> metrics.start()
                .dimension("stage", stage.wireName())
                .put("StageDuration", duration.toNanos() / 1_000_000.0, Unit.MILLISECONDS)
                .property("job_id", message.jobId())
                .property("correlation_id", message.correlationId())
                .flush());
        // outcome is a dimension, so dashboards and alarms can chart each outcome's count and rate.
        Metrics.Document document = metrics.start()
                .dimension("outcome", report.outcome().label())
                .put("JobOutcome", 1, Unit.COUNT)
                .put("Pages", report.pagesProcessed(), Unit.COUNT)
                .property("job_id", message.jobId())
                .property("correlation_id", message.correlationId());
        if (report.usage().inputTokens() > 0 || report.usage().outputTokens() > 0) {
            document.put("InputTokens", report.usage().inputTokens(), Unit.COUNT)
                    .put("OutputTokens", report.usage().outputTokens(), Unit.COUNT)
                    .put("EstimatedCost", report.usage().estimatedCostUsd(), Unit.NONE)
                    .property("cost_currency", "USD");
        }
        document.flush();
    }

    private void emitOutcome(String outcome, String jobId, String correlationId) {
        metrics.start().dimension("outcome", outcome).put("JobOutcome", 1, Unit.COUNT).property("job_id", jobId)
                .property("correlation_id", correlationId).flush();
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        Map<String, String> attributes = record.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String attribute(SQSEvent.SQSMessage record, String name) {
        var attributes = record.getMessageAttributes();
        var value = attributes == null ? null : attributes.get(name);
        return value == null ? null : value.getStringValue();
    }
}
