package io.mocplatform.jobapi.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.mocplatform.api.Caller;
import io.mocplatform.api.Correlation;
import io.mocplatform.api.CursorCodec;
import io.mocplatform.api.JsonBodies;
import io.mocplatform.api.JsonObject;
import io.mocplatform.api.ProblemException;
import io.mocplatform.api.QueryParameters;
import io.mocplatform.jobapi.config.JobApiConfiguration;
import io.mocplatform.jobapi.domain.DrawingService;
import io.mocplatform.jobapi.domain.JobPage;
import io.mocplatform.jobapi.domain.JobService;
import io.mocplatform.jobapi.domain.JobDetails;
import io.mocplatform.jobapi.domain.Submission;
import io.mocplatform.jobapi.domain.SubmitJob;
import io.mocplatform.jobapi.domain.UploadRequest;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;

import java.util.Map;
import java.util.Set;

/** The job API's routes: parse, call one domain service, map the outcome. Errors leave as problems. */
@Controller
class JobController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> CURSOR_KEY = Set.of(JobTable.JOB_ID, JobTable.OWNER, JobTable.CREATED_AT);
    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor", "status");

    private final JobService jobs;
    private final DrawingService drawings;
    private final JsonBodies bodies;
    private final CursorCodec cursors;
    private final JobApiConfiguration config;

    JobController(JobService jobs, DrawingService drawings, JsonBodies bodies, CursorCodec cursors,
                  JobApiConfiguration config) {
        this.jobs = jobs;
        this.drawings = drawings;
        this.bodies = bodies;
        this.cursors = cursors;
        this.config = config;
    }

    @Post(uri = "/drawings", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<DrawingUploadView> createDrawing(Caller caller, HttpRequest<?> http, @Nullable @Body String body) {
        JsonObject fields = bodies.read(http, body).allowOnly(Set.of("filename", "content_type", "size_bytes"));
        String filename = fields.string("filename");
        String contentType = fields.string("content_type");
        Long sizeBytes = fields.integer("size_bytes");
        fields.check();
        // An absent size is -1: the domain then names the rule it breaks, like any other size out of range.
        var request = new UploadRequest(caller.sub(), filename, contentType, sizeBytes == null ? -1 : sizeBytes);
        return HttpResponse.created(DrawingUploadView.of(drawings.requestUpload(request)));
    }

    @Post(uri = "/process-drawing", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<JobAcceptedView> processDrawing(Caller caller, HttpRequest<?> request,
                                                     @Nullable @Body String body,
                                                     @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey) {
        JsonObject fields = bodies.read(request, body).allowOnly(Set.of("drawing_id"));
        String drawingId = fields.string("drawing_id");
        fields.check();
        Submission submission = jobs.submit(new SubmitJob(caller.sub(), drawingId, idempotencyKey,
                Correlation.of(request)));
        MutableHttpResponse<JobAcceptedView> response = accepted(submission.job());
        if (submission.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response;
    }

    @Get(uri = "/status/{job_id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<JobStatusView> status(Caller caller, @PathVariable("job_id") String jobId) {
        JobDetails view = jobs.status(caller.sub(), jobId);
        MutableHttpResponse<JobStatusView> response = HttpResponse.ok(JobStatusView.of(view))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (view.job().status().isInFlight()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(config.pollAfter().toSeconds()));
        }
        return response;
    }

    @Get(uri = "/jobs", produces = MediaType.APPLICATION_JSON)
    HttpResponse<JobListView> list(Caller caller, HttpRequest<?> request) {
        QueryParameters query = QueryParameters.of(request, LIST_PARAMETERS);
        String limit = query.get("limit").orElse(null);
        String cursor = query.get("cursor").orElse(null);
        JobStatus filter = status(query.get("status").orElse(null));
        String scope = caller.sub() + "|jobs|" + (filter == null ? "" : filter.wireName());
        Map<String, String> startKey = Map.of();
        if (cursor != null) {
            startKey = cursors.decode(cursor, scope);
            if (!startKey.keySet().equals(CURSOR_KEY) || !caller.sub().equals(startKey.get(JobTable.OWNER))) {
                throw ProblemException.badRequest("invalid_cursor",
                        "The cursor is not one this API issued for this listing; start again without a cursor.");
            }
        }
        JobPage page = jobs.list(caller.sub(), filter, limit(limit), startKey);
        return HttpResponse.ok(new JobListView(page.items().stream().map(JobStatusView::of).toList(),
                cursors.encode(page.nextKey(), scope).orElse(null))).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Delete(uri = "/jobs/{job_id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<JobStatusView> cancel(Caller caller, @PathVariable("job_id") String jobId) {
        return HttpResponse.ok(JobStatusView.of(jobs.cancel(caller.sub(), jobId)));
    }

    @Post(uri = "/jobs/{job_id}/retry", produces = MediaType.APPLICATION_JSON)
    HttpResponse<JobAcceptedView> retry(Caller caller, @PathVariable("job_id") String jobId) {
        return accepted(jobs.retry(caller.sub(), jobId));
    }

    private static MutableHttpResponse<JobAcceptedView> accepted(Job job) {
        return HttpResponse.accepted()
                .<JobAcceptedView>body(new JobAcceptedView(job.jobId(), job.status().wireName()))
                .header(HttpHeaders.LOCATION, "/status/" + job.jobId());
    }

    private int limit(String text) {
        if (text == null) {
            return config.defaultPageSize();
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= config.maxPageSize()) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like an out-of-range number
        }
        throw ProblemException.invalid("limit must be a whole number from 1 to " + config.maxPageSize(), null);
    }

    private static JobStatus status(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JobStatus.fromWireName(text);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalid(unknown.getMessage(), null);
        }
    }
}
