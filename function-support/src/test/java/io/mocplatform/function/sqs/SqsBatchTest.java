package io.mocplatform.function.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqsBatchTest {

    private static SQSEvent eventWith(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(bodies[i]);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    @Test
    void shouldReportOnlyTheFailedRecords_whenOneThrowsAndOneAsksForRetry() {
        List<String> handled = new ArrayList<>();
        SQSBatchResponse response = SqsBatch.process(eventWith("ok", "boom", "later", "ok2"), message -> {
            handled.add(message.getBody());
            return switch (message.getBody()) {
                case "boom" -> throw new IllegalStateException("boom");
                case "later" -> SqsBatch.Outcome.RETRY;
                default -> SqsBatch.Outcome.DONE;
            };
        });

        assertThat(handled).containsExactly("ok", "boom", "later", "ok2");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1", "m2");
    }

    @Test
    void shouldReportNothing_whenTheEventHasNoRecords() {
        assertThat(SqsBatch.process(new SQSEvent(), m -> SqsBatch.Outcome.RETRY).getBatchItemFailures()).isEmpty();
    }
}
