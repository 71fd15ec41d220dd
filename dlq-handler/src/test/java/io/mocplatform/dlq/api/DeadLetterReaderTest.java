package io.mocplatform.dlq.api;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.ObjectMapper;
import io.mocplatform.dlq.Fixtures;
import io.mocplatform.dlq.domain.DeadLetter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReaderTest {

    private static final String JOB_ID = "job_1767258000000_abcdefghij";
    private final JsonMapper json = ObjectMapper.getDefault();
    private final DeadLetterReader reader = new DeadLetterReader(json);

    private static SQSEvent.SQSMessage message(String body, Map<String, String> attributes) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m1");
        message.setBody(body);
        message.setAttributes(attributes);
        return message;
    }

    private static SQSEvent.MessageAttribute stringAttribute(String value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType("String");
        attribute.setStringValue(value);
        return attribute;
    }

    @Test
    void shouldReadJobFieldsAndSqsTimestamps_fromALambdaSqsEventFixture() {
        SQSEvent event = Fixtures.event(json, "dlq-job-message.json", Map.of("JOB_ID", JOB_ID, "MESSAGE_ID", "m-1"));

        DeadLetter letter = reader.read(event.getRecords().get(0));

        assertThat(letter.messageId()).isEqualTo("m-1");
        assertThat(letter.jobId()).isEqualTo(JOB_ID);
        assertThat(letter.owner()).isEqualTo("user-1");
        assertThat(letter.correlationId()).isEqualTo("corr-fixture");
        assertThat(letter.schema()).isEqualTo(1);
        assertThat(letter.unreadable()).isFalse();
        assertThat(letter.receiveCount()).isEqualTo(1);
        assertThat(letter.sentAt()).isEqualTo(Instant.ofEpochMilli(1767258000000L));
        assertThat(letter.firstReceivedAt()).isEqualTo(Instant.ofEpochMilli(1767258001000L));
        assertThat(letter.traceId()).isEqualTo("1-67754a10-0123456789abcdef01234567");
    }

    @Test
    void shouldAcceptAnUnknownSchemaVersion_aslongAsItNamesAJob() {
        DeadLetter letter = reader.read(message("{\"schema\":3,\"job_id\":\"" + JOB_ID
                + "\",\"new_field\":{\"x\":1}}", Map.of()));

        assertThat(letter.jobId()).isEqualTo(JOB_ID);
        assertThat(letter.schema()).isEqualTo(3);
        assertThat(letter.unreadable()).isFalse();
    }

    @Test
    void shouldFallBackToMessageAttributes_whenTheBodyIsNotJson() {
        SQSEvent.SQSMessage message = message("%PDF-1.7 oops", Map.of());
        message.setMessageAttributes(Map.of("job_id", stringAttribute(JOB_ID),
                "correlation_id", stringAttribute("corr-attr")));

        DeadLetter letter = reader.read(message);

        assertThat(letter.jobId()).isEqualTo(JOB_ID);
        assertThat(letter.correlationId()).isEqualTo("corr-attr");
        assertThat(letter.unreadableReason()).isEqualTo("the body is not JSON");
        assertThat(letter.rawBody()).isEqualTo("%PDF-1.7 oops");
    }

    @Test
    void shouldTreatBodyAsPoison_whenItIsNotJsonAnObjectOrHasNoWellFormedJobId() {
        assertThat(reader.read(message("not json", Map.of())).unreadableReason()).isEqualTo("the body is not JSON");
        assertThat(reader.read(message("[1,2]", Map.of())).unreadableReason())
                .isEqualTo("the body is JSON but not an object");
        assertThat(reader.read(message("{\"schema\":1}", Map.of())).unreadableReason())
                .isEqualTo("the body has no job_id");
        DeadLetter injected = reader.read(message("{\"job_id\":\"alert-window#2026\"}", Map.of()));
        assertThat(injected.jobId()).isNull();
        assertThat(injected.unreadableReason()).isEqualTo("the body's job_id is not a well-formed job id");
        assertThat(reader.read(message(null, Map.of())).namesJob()).isFalse();
    }

    @Test
    void shouldIgnoreMalformedSqsAttributes_insteadOfFailingTheRecord() {
        DeadLetter letter = reader.read(message("{}", Map.of("ApproximateReceiveCount", "many",
                "SentTimestamp", "yesterday", "AWSTraceHeader", "garbage")));

        assertThat(letter.receiveCount()).isNull();
        assertThat(letter.sentAt()).isNull();
    }
}
