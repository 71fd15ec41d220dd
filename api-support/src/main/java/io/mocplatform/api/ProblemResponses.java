package io.mocplatform.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem+json answers; the one place where error bodies get their shape and headers. */
public final class ProblemResponses {

    private static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    private ProblemResponses() {
    }

    /** The answer for a {@link ProblemException}. */
    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemException problem) {
        MutableHttpResponse<Problem> response = of(request, problem.status(), problem.slug(), problem.title(),
                problem.getMessage(), problem.errors());
        if (problem.retryAfter() != null) {
            response.header("Retry-After", Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        return response;
    }

    /** A problem answer with the given status and details. */
    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, HttpStatus status, String slug, String title,
                                                  String detail, List<String> errors) {
        String correlationId = Correlation.of(request);
        Problem body = new Problem(Problem.typeOf(slug), title, status.getCode(), detail, correlationId, errors);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status).body(body).contentType(PROBLEM_JSON);
        if (correlationId != null) {
            response.header(Correlation.HEADER, correlationId);
        }
        return response;
    }
}
