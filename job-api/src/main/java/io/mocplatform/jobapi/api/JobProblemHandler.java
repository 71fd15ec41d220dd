package io.mocplatform.jobapi.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.mocplatform.api.Problem;
import io.mocplatform.api.ProblemException;
import io.mocplatform.api.ProblemResponses;
import io.mocplatform.jobapi.config.JobApiConfiguration;
import io.mocplatform.jobapi.domain.JobRejectedException;
import jakarta.inject.Singleton;

/** The one translation of the domain's refusals into problem answers. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
class JobProblemHandler implements ExceptionHandler<JobRejectedException, HttpResponse<Problem>> {

    private final JobApiConfiguration config;

    JobProblemHandler(JobApiConfiguration config) {
        this.config = config;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, JobRejectedException rejection) {
        return ProblemResponses.of(request, problem(rejection));
    }

    private ProblemException problem(JobRejectedException rejection) {
        String detail = rejection.getMessage();
        return switch (rejection.reason()) {
            case INVALID -> ProblemException.invalid(detail, rejection.errors().size() > 1 ? rejection.errors() : null);
            case UNSUPPORTED_TYPE -> new ProblemException(HttpStatus.BAD_REQUEST, "unsupported_drawing_type",
                    "Unsupported drawing type", detail, null, null);
            case TOO_LARGE -> ProblemException.tooLarge("drawing_too_large", detail);
            case NOT_FOUND -> ProblemException.notFound("job_not_found", detail);
            case DRAWING_MISSING -> ProblemException.unprocessable("drawing_not_uploaded", detail);
            case KEY_REUSED -> ProblemException.conflict("idempotency_key_reused", detail);
            case STATE_CONFLICT -> ProblemException.conflict("job_state_conflict", detail);
            case QUEUE_UNAVAILABLE -> ProblemException.unavailable("queue_unavailable", detail, config.retryAfter());
        };
    }
}
