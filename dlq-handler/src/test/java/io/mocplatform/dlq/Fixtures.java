package io.mocplatform.dlq;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.json.JsonMapper;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Jobs and SQS events the dlq-handler tests share. */
public final class Fixtures {

    public static final String OWNER = "user-1";
    public static final String LAST_ERROR_TYPE = "gemini_unavailable";
    public static final String LAST_ERROR_MESSAGE = "Gemini answered 503 Service Unavailable three times";

    private Fixtures() {
    }

    /** A job the processor gave up on mid-way: processing, three attempts, a retryable error at drawing_analysis,
     * the last delivery's lease lapsed. */
    public static Job stuckJob(String jobId, Instant createdAt) {
        return Job.queued(jobId, OWNER, "drw_abcdefghijklmnopqrst", "drawings/user-1/drw_abcdefghijklmnopqrst.pdf",
                        createdAt, "corr-" + jobId, null, null).toBuilder()
                .status(JobStatus.PROCESSING)
                .stagesCompleted(List.of(JobStage.VALIDATION, JobStage.PDF_PROCESSING))
                .currentStage(JobStage.DRAWING_ANALYSIS)
                .attempts(3)
                .leaseOwner("delivery-3")
                .leaseExpiresAt(createdAt)
                .error(new JobError(LAST_ERROR_TYPE, LAST_ERROR_MESSAGE, true, JobStage.DRAWING_ANALYSIS))
                .build();
    }

    /** An SQS event read from {@code src/test/resources/events/<name>} with {@code ${KEY}} placeholders filled. */
    public static SQSEvent event(JsonMapper json, String name, Map<String, String> values) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var entry : values.entrySet()) {
                text = text.replace("${" + entry.getKey() + "}", entry.getValue());
            }
            return json.readValue(text, SQSEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
