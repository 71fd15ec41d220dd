package io.mocplatform.function.sqs;

import io.micronaut.serde.ObjectMapper;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.model.queue.MessageAttributes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobMessagesTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final String QUEUE = "http://127.0.0.1:9324/000000000000/drawing-jobs-dev";

    @Test
    void shouldWriteTheVersionedBody_andCarryJobAndCorrelationIdsAsAttributes() throws IOException {
        DrawingJobMessage message = DrawingJobMessage.of("job_1_a", "drawings/alice/drw_1.pdf", "alice", "corr-1",
                Instant.parse("2026-12-03T10:00:00Z")).resumingFrom(JobStage.DRAWING_ANALYSIS);

        SendMessageRequest request = JobMessages.request(JSON, QUEUE, message, Optional.empty());

        assertThat(request.queueUrl()).isEqualTo(QUEUE);
        assertThat(JSON.readValue(request.messageBody(), Map.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "schema", 1, "job_id", "job_1_a", "drawing_key", "drawings/alice/drw_1.pdf", "owner", "alice",
                "correlation_id", "corr-1", "requested_at", "2026-12-03T10:00:00Z",
                "resume_from", "drawing_analysis"));
        assertThat(request.messageAttributes()).containsOnlyKeys(MessageAttributes.JOB_ID,
                MessageAttributes.CORRELATION_ID);
        assertThat(request.messageAttributes().get(MessageAttributes.JOB_ID).stringValue()).isEqualTo("job_1_a");
        assertThat(request.messageAttributes().get(MessageAttributes.CORRELATION_ID).stringValue())
                .isEqualTo("corr-1");
        assertThat(request.messageSystemAttributes()).isEmpty();
    }

    @Test
    void shouldLeaveTheCorrelationAttributeOut_whenTheJobHasNone_andPassTheTraceHeaderOn() {
        DrawingJobMessage message = DrawingJobMessage.of("job_1_b", "drawings/bob/drw_2.pdf", "bob", null,
                Instant.parse("2026-12-03T10:00:00Z"));
        String trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        SendMessageRequest request = JobMessages.request(JSON, QUEUE, message, Optional.of(trace));

        assertThat(request.messageAttributes()).containsOnlyKeys(MessageAttributes.JOB_ID);
        assertThat(request.messageSystemAttributes()).containsOnlyKeys(
                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER);
        assertThat(request.messageSystemAttributes().get(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER)
                .stringValue()).isEqualTo(trace);
    }
}
