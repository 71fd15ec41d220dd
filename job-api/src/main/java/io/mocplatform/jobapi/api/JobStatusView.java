package io.mocplatform.jobapi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.mocplatform.jobapi.domain.JobDetails;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job on the wire ({@code GET /status/{job_id}}, list items, cancel). Its own type, not the stored record, so
 * the table can change without changing the API; the golden contract test pins its shape. Absent values are left
 * out, never written as null.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatusView(String jobId, String status, String createdAt, String updatedAt,
                                String startedAt, List<String> stagesCompleted, String currentStage, String lastCheckpoint,
                                Progress progress, int attempts, Result result, Error error, String correlationId) {

    /** Pages processed out of the drawing's total (0/0 until the PDF was read). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Progress(int pagesDone, int pagesTotal) {
    }

    /** Summary of a completed analysis, with short-lived download links. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(int componentCount, Map<String, Integer> countsByType, int unclassifiedCount,
                         String analyzer, String scheduleJsonKey, String scheduleCsvKey, URI downloadUrl,
                         URI csvDownloadUrl, String downloadExpiresAt, List<Warning> warnings) {
    }

    /** Something to know about the result, e.g. pages without a text layer; absent when there is nothing. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Warning(String type, String message, List<Integer> pages, int count) {
    }

    /** Why the job failed. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String type, String message, boolean retryable, String stage) {
    }

    /** The wire form of a job as its owner sees it. */
    public static JobStatusView of(JobDetails view) {
        Job job = view.job();
        return new JobStatusView(job.jobId(), job.status().wireName(), Wire.instant(job.createdAt()),
                Wire.instant(job.updatedAt() == null ? job.createdAt() : job.updatedAt()),
                // A queued job has not started this run: a retried job's row still holds the last run's start
                // until the processor takes the job again and starts the clock anew.
                Wire.instant(job.status() == JobStatus.QUEUED ? null : job.startedAt()),
                job.stagesCompleted().stream().map(JobStage::wireName).toList(),
                job.currentStage() == null ? null : job.currentStage().wireName(),
                Wire.instant(job.lastCheckpoint()),
                new Progress(job.progress().pagesDone(), job.progress().pagesTotal()), job.attempts(),
                result(job.result(), view), error(job.error()), job.correlationId());
    }

    private static Result result(JobResult result, JobDetails view) {
        if (result == null) {
            return null;
        }
        return new Result(result.componentCount(), new TreeMap<>(result.countsByType()), result.unclassifiedCount(),
                result.analyzer(),
                result.scheduleJsonKey(), result.scheduleCsvKey(), view.scheduleJsonUrl(), view.scheduleCsvUrl(),
                Wire.instant(view.linksExpireAt()), result.warnings().isEmpty() ? null : result.warnings().stream()
                        .map(w -> new Warning(w.type(), w.message(), w.pages(), w.count())).toList());
    }

    private static Error error(JobError error) {
        return error == null ? null : new Error(error.type(), error.message(), error.retryable(),
                error.stage() == null ? null : error.stage().wireName());
    }
}
