package io.mocplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mocplatform.fixtures.SampleDrawings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.mocplatform.e2e.ErrorShapes.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A drawing from upload to its component schedule, a corrupt one to its failure, and what another user sees. */
@ExtendWith(E2eStack.class)
class DrawingJobE2ET {

    /** Queued to finished; the offline analyser needs seconds, Gemini on a deployed stage longer. */
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(4);

    @Test
    void shouldTurnAnUploadedDrawingIntoASchedule_inJsonAndCsv_andShowNoneOfItToAnotherUser(E2eTarget target)
            throws IOException {
        Api owner = Api.as(target.jobApi(), target.token());
        Api other = Api.as(target.jobApi(), target.otherToken());
        SampleDrawings.SampleDrawing drawing = SampleDrawings.drawing(4);

        String drawingId = upload(owner, drawing.pdf(), "e2e-plan.pdf");
        Api.Answer accepted = owner.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/process-drawing", Map.of("drawing_id", drawingId));
        assertThat(accepted.status()).as(accepted.describe()).isEqualTo(202);
        String jobId = accepted.json().path("job_id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/status/" + jobId);

        JsonNode job = awaitFinished(owner, jobId);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
        JsonNode result = job.path("result");
        int count = result.path("component_count").asInt();
        assertThat(count).as("components found").isPositive();

        Api.Answer json = Api.download(result.path("download_url").asText());
        assertThat(json.status()).as(json.describe()).isEqualTo(200);
        JsonNode schedule = json.json();
        assertThat(schedule.path("job_id").asText()).isEqualTo(jobId);
        assertThat(schedule.path("components").size()).isEqualTo(count);
        Set<String> jsonTags = schedule.path("components").valueStream().map(c -> c.path("tag").asText())
                .collect(Collectors.toSet());
        assertThat(schedule.path("components").valueStream().map(c -> c.path("type").asText())).doesNotContain("");

        Api.Answer csv = Api.download(result.path("csv_download_url").asText());
        assertThat(csv.status()).as(csv.describe()).isEqualTo(200);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8)))) {
            assertThat(parser.getHeaderNames()).containsExactly("tag", "type", "pages", "description");
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(count);
        assertThat(rows.stream().map(r -> r.get("tag")).collect(Collectors.toSet())).isEqualTo(jsonTags);
        if ("offline".equals(result.path("analyzer").asText())) {
            assertThat(jsonTags).as("the offline analyser reads the drawing's own tags")
                    .containsAll(drawing.expected().keySet());
        }

        assertProblem(other.get("/status/" + jobId), 404);
        assertProblem(other.delete("/jobs/" + jobId), 404);
        assertProblem(other.post("/jobs/" + jobId + "/retry", Map.of()), 404);
        assertThat(jobIds(other.get("/jobs?limit=100").json())).doesNotContain(jobId);
        Api.Answer foreignDrawing = other.post("/process-drawing", Map.of("drawing_id", drawingId));
        assertThat(foreignDrawing.status()).as("another user's drawing: " + foreignDrawing.describe()).isIn(404, 422);
        assertThat(jobIds(owner.get("/jobs?limit=100").json())).contains(jobId);
    }

    @Test
    void shouldFailACorruptPdf_withItsFailureType(E2eTarget target) {
        Api owner = Api.as(target.jobApi(), target.token());
        // A PDF header, then text that is no PDF object at all: no catalog, no cross-reference table.
        byte[] corrupt = ("%PDF-1.7\n" + "this is not a drawing, only the start of one\n".repeat(90))
                .getBytes(StandardCharsets.ISO_8859_1);

        String drawingId = upload(owner, corrupt, "e2e-corrupt.pdf");
        Api.Answer accepted = owner.post("/process-drawing", Map.of("drawing_id", drawingId));
        assertThat(accepted.status()).as(accepted.describe()).isEqualTo(202);

        JsonNode job = awaitFinished(owner, accepted.json().path("job_id").asText());
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("failed");
        assertThat(job.path("error").path("type").asText()).isEqualTo("corrupt_pdf");
        assertThat(job.path("error").path("retryable").asBoolean(true)).isFalse();
    }

    private static String upload(Api owner, byte[] pdf, String filename) {
        Api.Answer created = owner.post("/drawings", Map.of("filename", filename, "content_type", "application/pdf",
                "size_bytes", pdf.length));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        Api.Answer uploaded = Api.upload(created.json().path("upload"), pdf);
        assertThat(uploaded.status()).as(uploaded.describe()).isBetween(200, 204);
        return created.json().path("drawing_id").asText();
    }

    /** Polls {@code GET /status/{id}} (as a client should, no faster than every half second) until it ends. */
    private static JsonNode awaitFinished(Api owner, String jobId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(JOB_DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> {
            Api.Answer answer = owner.get("/status/" + jobId);
            assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
            last.set(answer.json());
            return Set.of("completed", "failed", "cancelled").contains(answer.json().path("status").asText());
        });
        return last.get();
    }

    private static List<String> jobIds(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("job_id").asText()).toList();
    }
}
