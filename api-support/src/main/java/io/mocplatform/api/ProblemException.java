package io.mocplatform.api;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by API code to answer with a problem document. The one way errors leave the domain for HTTP:
 * controllers translate domain outcomes into these, and {@link ProblemExceptionHandler} renders them.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<String> errors;
    private final Duration retryAfter;

    public ProblemException(HttpStatus status, String slug, String title, String detail, List<String> errors,
                            Duration retryAfter) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug, "Bad request", detail, null, null);
    }

    public static ProblemException invalid(String detail, List<String> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid request", detail, errors, null);
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, slug, "Not found", detail, null, null);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Conflict", detail, null, null);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, slug, "Unprocessable content", detail, null, null);
    }

    public static ProblemException tooLarge(String slug, String detail) {
        return new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, slug, "Content too large", detail, null, null);
    }

    public static ProblemException unsupportedMediaType(String slug, String detail) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, slug, "Unsupported media type", detail, null, null);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, "precondition_failed", "Precondition failed",
                detail, null, null);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "precondition_required",
                "Precondition required", detail, null, null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, null, null);
    }

    public static ProblemException unavailable(String slug, String detail, Duration retryAfter) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, slug, "Service unavailable", detail, null,
                retryAfter);
    }

    public HttpStatus status() { return status; }
    public String slug() { return slug; }
    public String title() { return title; }
    public List<String> errors() { return errors; }
    /** How long the client should wait before trying again, when that is known. */
    public Duration retryAfter() { return retryAfter; }
}
