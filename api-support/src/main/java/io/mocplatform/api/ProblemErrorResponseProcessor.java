package io.mocplatform.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Gives the errors Micronaut answers by itself (unknown route, wrong method, unreadable JSON, missing or
 * unconvertible arguments, body too large, unsupported media type, unexpected exceptions) the same problem+json
 * shape as ours. No answer echoes Micronaut's or an exception's message to the client (they quote the input and
 * name Java types): each status has its own fixed detail, and the original message is logged instead.
 */
@Primary
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
        String detail;
        List<String> errors;
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresentOrElse(
                    cause -> LOG.error("request {} {} failed", context.getRequest().getMethod(),
                            context.getRequest().getPath(), cause),
                    () -> LOG.error("request {} {} failed: {}", context.getRequest().getMethod(),
                            context.getRequest().getPath(), messages));
            detail = "The request could not be completed; quote the correlation id when reporting it.";
            errors = List.of();
        } else {
            // Micronaut's own messages quote the input and name Java types ("Failed to convert argument … of
            // type io.mocplatform…"): the client gets our sentence for the status, the log keeps theirs.
            LOG.info("request {} {} refused with {}: {}", context.getRequest().getMethod(),
                    context.getRequest().getPath(), status.getCode(), messages);
            detail = detailOf(status);
            errors = List.of();
        }
        MutableHttpResponse<Problem> problem = ProblemResponses.of(context.getRequest(), status, slugOf(status),
                status.getReason(), detail, errors);
        problem.getHeaders().forEach((name, values) -> {
            if (!response.getHeaders().contains(name)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return ((MutableHttpResponse<Problem>) response).body(problem.body()).contentType(Problem.MEDIA_TYPE);
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No route matches this method and path.";
            case METHOD_NOT_ALLOWED -> "This path does not accept this method.";
            case UNSUPPORTED_MEDIA_TYPE -> "This route does not accept the request's Content-Type.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large.";
            case NOT_ACCEPTABLE -> "This route cannot answer in a media type the request accepts.";
            case BAD_REQUEST, UNPROCESSABLE_ENTITY ->
                    "The request could not be read: a parameter, header or the body does not have the documented form.";
            default -> status.getReason();
        };
    }

    private static String slugOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "route_not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case REQUEST_ENTITY_TOO_LARGE -> "body_too_large";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case BAD_REQUEST -> "invalid_request";
            case UNPROCESSABLE_ENTITY -> "invalid_request";
            default -> status.getCode() >= 500 ? "internal_error" : "request_error";
        };
    }
}
