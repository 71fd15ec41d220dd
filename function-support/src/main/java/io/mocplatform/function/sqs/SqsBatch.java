package io.mocplatform.function.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Partial batch failure for SQS-triggered functions (the event source mapping must have
 * {@code ReportBatchItemFailures}): every record is handled on its own; a record whose handler says so, or
 * throws, is reported back and only that record returns to the queue. One record's failure never re-runs or
 * loses another's work.
 */
public final class SqsBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    private SqsBatch() {
    }

    /** What became of one record. */
    public enum Outcome {
        /** Handled (or deliberately dropped): delete it from the queue. */
        DONE,
        /** Not handled: leave it on the queue so it is received again (and dead-lettered after the limit). */
        RETRY
    }

    /** Handles one record. */
    @FunctionalInterface
    public interface RecordHandler {
        Outcome handle(SQSEvent.SQSMessage message) throws Exception;
    }

    /** Runs the handler over every record and reports the ones to retry. */
    public static SQSBatchResponse process(SQSEvent event, RecordHandler handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            Outcome outcome;
            try {
                outcome = handler.handle(message);
            } catch (Exception e) {
                LOG.error("record {} failed and returns to the queue", message.getMessageId(), e);
                outcome = Outcome.RETRY;
            }
            if (outcome == Outcome.RETRY) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
