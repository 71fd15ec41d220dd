package io.mocplatform.model.queue;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queue message is a wire contract between job-api and the processor: its JSON must not drift by accident. */
class DrawingJobMessageContractTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    static String golden(String name) throws IOException {
        try (InputStream in = DrawingJobMessageContractTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteTheGoldenJson() throws IOException {
        DrawingJobMessage message = DrawingJobMessage.of("job_1795428000000_abcdefghij",
                "drawings/alice/drw_abcdefghijklmnopqrst.pdf", "alice", "corr-1", Instant.parse("2026-11-23T10:00:00Z"));
        Map<String, Object> written = json.readValue(json.writeValueAsString(message), Map.class);
        Map<String, Object> expected = json.readValue(golden("drawing-job-message.json"), Map.class);
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void shouldReadTheGoldenJson_andToleratUnknownFields() throws IOException {
        String withExtra = golden("drawing-job-message.json").replace("{", "{\"added_in_schema_2\": [1, 2],");
        DrawingJobMessage message = json.readValue(withExtra, DrawingJobMessage.class);
        assertThat(message.jobId()).isEqualTo("job_1795428000000_abcdefghij");
        assertThat(message.requestedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(message.resumeFrom()).isNull();
    }

    @Test
    void shouldNameTheMissingField_whenARequiredFieldIsAbsent() {
        String noJob = "{\"schema\":1,\"drawing_key\":\"k\",\"owner\":\"alice\",\"requested_at\":\"2026-11-23T10:00:00Z\"}";
        assertThatThrownBy(() -> json.readValue(noJob, DrawingJobMessage.class))
                .hasStackTraceContaining("required field 'job_id' is missing");
    }

    @Test
    void shouldCarryTheResumeStage_whenHandedOn() throws IOException {
        DrawingJobMessage message = DrawingJobMessage.of("job_1", "k", "alice", "c", Instant.EPOCH)
                .resumingFrom(io.mocplatform.model.job.JobStage.DRAWING_ANALYSIS);
        assertThat(json.writeValueAsString(message)).contains("\"resume_from\":\"drawing_analysis\"");
    }
}
